import type { StdioOptions } from "node:child_process";

/**
 * scripts/lib/run.mjs, typed. It ships no declarations and the Node tsconfig does not check
 * JavaScript, so it is loaded through a non-literal specifier and given its types here.
 */
interface RunModule {
  quietWranglerEnv: Record<string, string>;
  bin: (name: string) => string;
  run: (
    command: string,
    args: string[],
    options?: { stdio?: StdioOptions; env?: Record<string, string>; cwd?: string },
  ) => Promise<void>;
}

const specifier: string = "../scripts/lib/run.mjs";

export const { quietWranglerEnv, bin, run } = (await import(specifier)) as RunModule;
