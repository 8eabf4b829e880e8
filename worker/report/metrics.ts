/**
 * Registered metrics: figures printed in the narrative, not in the tables. Each carries its unit
 * and definition so that only like is compared with like (FORMAT §6).
 */

import type { FigureKind } from "./templates";

export interface MetricDef {
  readonly key: string;
  readonly label: string;
  readonly labelEn: string;
  readonly unit: string;
  readonly unitEn: string;
  readonly kind: FigureKind;
  readonly definition: string;
  readonly definitionEn: string;
}

export const METRICS = [
  {
    key: "website_visits",
    label: "网站访问量",
    labelEn: "website visits",
    unit: "次",
    unitEn: "visits",
    kind: "count",
    definition:
      "本机关门户网站全年访问量（报告中也写作点击量、浏览量；各机关口径可能不同，原文口径记于注释）",
    definitionEn:
      "Visits to the agency's portal during the year (also printed as clicks or page views; agencies count differently, so the printed definition is kept in the notes)",
  },
  {
    key: "items_published_website",
    label: "网站发布信息条数",
    labelEn: "items published on the website",
    unit: "条",
    unitEn: "items",
    kind: "count",
    definition: "全年通过门户网站发布的各类政府信息条数",
    definitionEn: "Items of government information published on the portal during the year",
  },
  {
    key: "wechat_followers",
    label: "政务新媒体关注人数",
    labelEn: "government new-media followers",
    unit: "人",
    unitEn: "people",
    kind: "count",
    definition: "年末政务新媒体（微信公众号等）订阅或关注人数",
    definitionEn:
      "Subscribers or followers of the agency's government new-media accounts (WeChat etc.) at year end",
  },
  {
    key: "policy_interpretations",
    label: "政策解读",
    labelEn: "policy interpretations",
    unit: "篇",
    unitEn: "pieces",
    kind: "count",
    definition: "全年发布的政策解读篇数",
    definitionEn: "Policy interpretations published during the year",
  },
  {
    key: "press_conferences",
    label: "新闻发布会",
    labelEn: "press conferences",
    unit: "场",
    unitEn: "conferences",
    kind: "count",
    definition: "全年召开的新闻发布会场次",
    definitionEn: "Press conferences held during the year",
  },
  {
    key: "training_person_times",
    label: "培训人次",
    labelEn: "training person-times",
    unit: "人次",
    unitEn: "person-times",
    kind: "count",
    definition: "全年政务公开业务培训的人次",
    definitionEn: "Person-times of open-government training during the year",
  },
  {
    key: "fee_collected_yuan",
    label: "信息处理费",
    labelEn: "information processing fees collected",
    unit: "元",
    unitEn: "yuan",
    kind: "amount",
    definition: "全年依申请公开收取的信息处理费金额（见第六部分）",
    definitionEn:
      "Information processing fees collected from applicants during the year (section 6)",
  },
] as const satisfies readonly MetricDef[];

export type MetricKey = (typeof METRICS)[number]["key"];

export const METRIC_KEYS: readonly MetricKey[] = METRICS.map((m) => m.key);

export function isMetricKey(s: string): s is MetricKey {
  return (METRIC_KEYS as readonly string[]).includes(s);
}
