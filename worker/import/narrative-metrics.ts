/**
 * Registered metrics (metrics.ts) read from the narrative: 582万次 → 5,820,000, 400余人次 → 400
 * flagged approximate. Each metric has a few phrasings and a context check (a website figure must
 * be the portal's alone, a follower count must be WeChat's), and the first phrasing printed wins.
 */

import type { MetricKey } from "../report/metrics";
import type { MetricNote } from "../report/document";
import { decimalValue, isAmount, roundAmount } from "../report/format";
import { lineAt, type NarrativeText } from "./narrative-text";

/** A number as printed: 约/近/超/逾/突破 before it, 余/多 after it, 万/亿 as magnitude. */
const NP =
  "(?<np>(?<pre>约为|约|将近|接近|近|超过|超|逾|突破)?(?<num>\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(?<frac>\\d+))?(?<post>余|多)?(?<mag>万|亿)?(?<post2>余|多)?)";

const LEAD = "(?:已|目前|总|共)?(?:达到|达|为|是|共计|共有|共|累计|合计|总计)?:?";

interface Phrasing {
  pattern: RegExp;
  /** Whether the text before the match (its sentence and clause) fits the metric. */
  context?: (sentence: string, clause: string) => boolean;
  /** A phrase that states zero without a number (未收取…处理费). */
  zero?: boolean;
}

interface MetricSpec {
  key: MetricKey;
  kind: "count" | "amount";
  phrasings: Phrasing[];
  /** Keep the keyword printed before the number as the metric's definition. */
  keepKeyword?: boolean;
}

const OTHER_CHANNELS = /微信|微博|公众号|新媒体|客户端|抖音|视频号|快手|头条|APP|app|两微/;
const PORTAL = /网站|门户/;

const SPECS: readonly MetricSpec[] = [
  {
    key: "website_visits",
    kind: "count",
    keepKeyword: true,
    phrasings: [
      {
        pattern: new RegExp(
          `(?<kw>总访问量|访问总量|访问量|点击量|浏览量|访问次数|访问人次|点击次数|浏览次数)${LEAD}${NP}(?<unit>人次|次)?(?![\\d%.])`,
          "g",
        ),
        context: (sentence, clause) =>
          /网站|门户|政府网/.test(sentence) && !OTHER_CHANNELS.test(clause),
      },
    ],
  },
  {
    key: "items_published_website",
    kind: "count",
    phrasings: [
      {
        pattern: new RegExp(
          `(?:发布|公开|更新|推送)了?(?:(?:各类|各项)?(?:政府|政务)?信息)?${LEAD}${NP}(?<unit>条)(?!次)`,
          "g",
        ),
        context: (_sentence, clause) => PORTAL.test(clause) && !OTHER_CHANNELS.test(clause),
      },
    ],
  },
  {
    key: "wechat_followers",
    kind: "count",
    phrasings: [
      {
        pattern: new RegExp(
          `(?:关注人数|关注用户数|关注用户|关注数|关注量|粉丝数|粉丝量|粉丝|订阅用户数|订阅用户|订阅人数|订阅数|用户总数|总用户数|用户数|用户)(?:总数|数量)?${LEAD}${NP}(?<unit>人|个|名|户)?(?![\\d%.次篇条])`,
          "g",
        ),
        context: (_sentence, clause) =>
          /微信|公众号/.test(clause) && !/微博|抖音|视频号|头条|快手/.test(clause),
      },
    ],
  },
  {
    key: "policy_interpretations",
    kind: "count",
    phrasings: [
      {
        pattern: new RegExp(
          `(?<![及和与、])(?<![及和与、]政策)(?:政策)?解读类?(?:信息|材料|文章|稿件|文件|产品)?(?:发布|制作|推出)?${LEAD}${NP}(?<unit>篇|份|条|件|个|期)`,
          "g",
        ),
      },
      { pattern: new RegExp(`${NP}(?<unit>篇|份|条|件|个)(?:政策)?解读(?!率)`, "g") },
    ],
  },
  {
    key: "press_conferences",
    kind: "count",
    phrasings: [
      { pattern: new RegExp(`(?:新闻)?发布会(?:活动)?${LEAD}${NP}(?<unit>场|次)`, "g") },
      { pattern: new RegExp(`${NP}(?<unit>场|次)[^\\d,;。]{0,6}?(?:新闻)?发布会`, "g") },
    ],
  },
  {
    key: "training_person_times",
    kind: "count",
    phrasings: [
      { pattern: new RegExp(`(?:培训|参训|轮训|授课)[^,;。!?\\d]{0,20}?${NP}(?<unit>人次)`, "g") },
    ],
  },
  {
    key: "fee_collected_yuan",
    kind: "amount",
    phrasings: [
      {
        pattern: new RegExp(
          `(?:收取|收缴|征收|收到|共收)[^,;。!?\\d]{0,30}?处理费[^,;。!?\\d]{0,8}?${NP}(?<unit>万元|元)(?![/每])`,
          "g",
        ),
      },
      {
        pattern: new RegExp(
          `处理费(?:收入|金额|合计|共计|共|为)?:?${NP}(?<unit>万元|元)(?![/每])`,
          "g",
        ),
      },
      {
        pattern:
          /(?<np>(?:未|没有|无|不|免)(?:收取|发生|产生|征收|涉及)[^,;。!?]{0,25}?(?:处理费|收费))/g,
        zero: true,
      },
    ],
  },
];

export interface MetricReading {
  key: MetricKey;
  value: number;
  note: MetricNote;
  line: number;
  lineText: string;
}

const MAX_CONTEXT = 150;

function contextBefore(text: string, index: number, stops: RegExp): string {
  const from = Math.max(0, index - MAX_CONTEXT);
  const before = text.slice(from, index);
  let cut = -1;
  for (let i = before.length - 1; i >= 0; i -= 1) {
    if (stops.test(before[i] ?? "")) {
      cut = i;
      break;
    }
  }
  return before.slice(cut + 1);
}

function numberOf(
  groups: Record<string, string | undefined>,
  kind: "count" | "amount",
): number | null {
  const digits = groups.num ?? "";
  if (digits.replace(/,/g, "") === "") return null;
  let value = decimalValue(digits, groups.frac);
  if (groups.mag === "万") value *= 10_000;
  if (groups.mag === "亿") value *= 100_000_000;
  if (groups.unit === "万元") value *= 10_000;
  if (!isAmount(value)) return null;
  return kind === "count" ? Math.round(value) : roundAmount(value);
}

function firstReading(spec: MetricSpec, narrative: NarrativeText): MetricReading | null {
  const text = narrative.text;
  let best: MetricReading | null = null;
  let bestIndex = Infinity;
  for (const phrasing of spec.phrasings) {
    phrasing.pattern.lastIndex = 0;
    for (const match of text.matchAll(phrasing.pattern)) {
      const index = match.index;
      if (index >= bestIndex) break;
      const groups = match.groups ?? {};
      if (phrasing.context) {
        const sentence = contextBefore(text, index, /[。;!?]/);
        const clause = contextBefore(text, index, /[,;。!?:]/);
        if (!phrasing.context(sentence, clause)) continue;
      }
      const value = phrasing.zero ? 0 : numberOf(groups, spec.kind);
      if (value === null) continue;
      const printed = `${groups.np ?? ""}${phrasing.zero ? "" : (groups.unit ?? "")}`;
      const npOffset = index + match[0].indexOf(groups.np ?? "");
      const line = lineAt(narrative, npOffset);
      if (!line) continue;
      const note: MetricNote = { as_printed: printed.slice(0, 200) };
      if (groups.pre || groups.post || groups.post2) note.approximate = true;
      if (spec.keepKeyword && groups.kw) note.definition = groups.kw;
      best = { key: spec.key, value, note, line: line.line, lineText: line.raw };
      bestIndex = index;
      break;
    }
  }
  return best;
}

/**
 * The registered metrics printed in the narrative. `preferred` is searched first for the metrics
 * that belong to one section (the fee, reported in section 六).
 */
export function readMetrics(
  narrative: NarrativeText,
  preferred: NarrativeText | null,
): MetricReading[] {
  const out: MetricReading[] = [];
  for (const spec of SPECS) {
    const reading =
      (spec.key === "fee_collected_yuan" && preferred ? firstReading(spec, preferred) : null) ??
      firstReading(spec, narrative);
    if (reading) out.push(reading);
  }
  return out;
}
