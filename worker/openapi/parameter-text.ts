/**
 * What each query or path parameter means, by name, for the parameters whose schema does not
 * say it itself (a route gives a parameter another meaning with `.meta({ description })`).
 */
export const PARAMETER_TEXT: Record<string, string> = {
  id: "机构编号。The agency's id.",
  year: "报告年度（4 位数字）。The report year (four digits).",
  code: "地区代码：6 位行政区划代码的前 2–6 位，如 41（河南）、4103（洛阳）。A region: a 2–6 digit prefix of the division code, e.g. 41 (Henan), 4103 (Luoyang).",
  level: "层级。Administrative level.",
  kind: "机构类型：government 政府，department 部门。Government or department.",
  scope:
    "报告范围：region 全地区汇总的报告，self 本机关的报告。Whole-region reports or agencies' own reports.",
  region:
    "地区代码前缀（2–6 位数字，如 41、4103）。A region-code prefix of 2–6 digits (41 Henan, 4103 Luoyang).",
  under: "某机构及其所有下级机构。An agency and its whole subtree.",
  agency: "某机构本身的报告。One agency's own report.",
  q: "机构名称包含的文字。Text the agency's name contains.",
  limit: "每页条数。Items per page.",
  offset: "跳过的条数。Items to skip.",
  format:
    "json（默认）或 csv（UTF-8 带 BOM 的 CSV 下载）。json (default) or csv: a download, UTF-8 with a BOM.",
  years:
    "年份列表：逗号分隔的年份或区间，如 2023、2021-2024、2022,2023（区间最长 50 年）。A year list: comma-separated years or ranges, e.g. 2023, 2021-2024, 2022,2023 (a range spans at most 50 years).",
  figure:
    "指标键：表格单元格（section3.new_received.total、section4.reconsideration.corrected）或登记的指标（metrics.website_visits）。A figure key: a table cell or a registered metric.",
};
