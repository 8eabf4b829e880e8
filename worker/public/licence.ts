/**
 * The terms every public answer and download states. The reports themselves are official
 * documents published by the agencies; the platform's compilation of their figures is open
 * under CC BY 4.0, with the agencies named as the source.
 */
export const LICENCE = {
  name: "CC-BY-4.0",
  title: "Creative Commons Attribution 4.0",
  url: "https://creativecommons.org/licenses/by/4.0/",
  statement:
    "数据来自各机构公开发布的政府信息公开工作年度报告，经年报平台整理，以 CC BY 4.0 许可提供；使用时请注明来源。",
  statementEn:
    "Figures from the agencies' published annual open-government-information reports, compiled by Nianbao, licensed CC BY 4.0; please credit the source.",
} as const;

/** For `Link` headers: machines find the terms without reading the body. */
export const LICENCE_LINK = `<${LICENCE.url}>; rel="license"`;

/** The statement as the first lines of every open-data CSV. */
export const LICENCE_COMMENTS = [LICENCE.statement, LICENCE.statementEn] as const;
