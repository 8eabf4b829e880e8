/** The words of the embeds, in both languages (the dashboard's live in `web/i18n.tsx`). */

import type { EmbedLang } from "./view";

export interface EmbedText {
  data: string;
  more: string;
  newTab: string;
  csvNewTab: string;
  source: string;
  dataDate: string;
  version: string;
  licence: string;
  noData: string;
  year: string;
  name: string;
  total: string;
  breakLabel: (year: number) => string;
  breakNote: (year: number) => string;
  versus: (label: string) => string;
  noChange: string;
  points: string;
  ofItems: (n: number) => string;
  highest: string;
  lowest: string;
  missing: (n: number) => string;
  sep: string;
  colon: string;
  stop: string;
  listSep: string;
  share: (count: string, percent: string) => string;
  unitJoin: string;
  unit: (unitLabel: string) => string;
  previous: string;
  /** The change in words, for the card's description. */
  changeWords: (direction: "up" | "down" | "flat", magnitude: string, against: string) => string;
  noComparison: (against: string) => string;
  /** The error page's heading. */
  failed: string;
  /** What the reader of a page with a broken embed can do (the reader is often its author). */
  failedHint: string;
  /** The embed's parameters by their names in the address. */
  params: Record<string, string>;
  unknownParam: (name: string) => string;
}

export const EMBED_TEXT: Record<EmbedLang, EmbedText> = {
  zh: {
    data: "数据",
    more: "查看详情",
    newTab: "（在新窗口打开）",
    csvNewTab: "（CSV，在新窗口打开）",
    source: "来源",
    dataDate: "数据日期",
    version: "版本",
    licence: "许可",
    noData: "无数据",
    year: "年份",
    name: "名称",
    total: "合计",
    breakLabel: (y) => `${y} 年起新版表格`,
    breakNote: (y) => `${y} 年起使用新版表格，此前为试行格式，前后口径可能不同。`,
    versus: (label) => `较 ${label}`,
    noChange: "持平",
    points: "个百分点",
    ofItems: (n) => `共 ${n} 项`,
    highest: "最高",
    lowest: "最低",
    missing: (n) => `${n} 项无数据`,
    sep: "，",
    colon: "：",
    stop: "。",
    listSep: "；",
    share: (count, percent) => `${count}（${percent}）`,
    unitJoin: "",
    unit: (u) => `单位：${u}`,
    previous: "上年",
    changeWords: (d, m, a) =>
      d === "flat" ? `较 ${a} 持平` : `较 ${a} ${d === "up" ? "增加" : "减少"} ${m}`,
    noComparison: (a) => `${a} 无数据，无法比较`,
    failed: "无法显示此图表",
    failedHint: "请检查嵌入代码中的地址，或在年报平台的“嵌入图表”页重新生成代码。",
    params: {
      metric: "指标",
      years: "年份",
      kind: "图表类型",
      theme: "配色",
      transparent: "透明背景",
      lang: "语言",
      scope: "汇总口径",
      v: "数据版本",
      id: "机构编号",
      code: "地区代码",
    },
    unknownParam: (name) => `地址中有无法识别的参数“${name}”`,
  },
  en: {
    data: "Data",
    more: "More",
    newTab: " (opens in a new tab)",
    csvNewTab: " (CSV, opens in a new tab)",
    source: "Source",
    dataDate: "Data date",
    version: "Version",
    licence: "Licence",
    noData: "No data",
    year: "Year",
    name: "Name",
    total: "Total",
    breakLabel: (y) => `New format from ${y}`,
    breakNote: (y) =>
      `New table format from ${y}; earlier years used the trial format, so figures may not be comparable.`,
    versus: (label) => `vs ${label}`,
    noChange: "No change",
    points: "pts",
    ofItems: (n) => `${n} items`,
    highest: "highest",
    lowest: "lowest",
    missing: (n) => `${n} without data`,
    sep: ", ",
    colon: ": ",
    stop: ". ",
    listSep: "; ",
    share: (count, percent) => `${count} (${percent})`,
    unitJoin: " ",
    unit: (u) => `Unit: ${u}`,
    previous: "previous year",
    changeWords: (d, m, a) => (d === "flat" ? `no change from ${a}` : `${d} ${m} from ${a}`),
    noComparison: (a) => `no data for ${a} to compare`,
    failed: "This chart cannot be shown",
    failedHint:
      "Check the address in the embed code, or make the code again on the Nianbao embed page.",
    params: {
      metric: "Figure",
      years: "Years",
      kind: "Chart type",
      theme: "Colours",
      transparent: "Transparent background",
      lang: "Language",
      scope: "Sum of",
      v: "Data version",
      id: "Agency number",
      code: "Region code",
    },
    unknownParam: (name) => `The address has a parameter that is not understood: “${name}”`,
  },
};
