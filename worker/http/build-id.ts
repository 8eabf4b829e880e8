// Set by vite.config.ts at each build; tests and tools that run the source directly have none.
declare const __NIANBAO_BUILD__: string | undefined;

/**
 * This build of the Worker. Answers kept at the edge outlive a deploy, so their keys carry it:
 * a new build never serves an answer an older one rendered (an older page shape, an embed
 * styled by a stylesheet whose hash no longer matches).
 */
export const BUILD_ID = typeof __NIANBAO_BUILD__ === "string" ? __NIANBAO_BUILD__ : "source";
