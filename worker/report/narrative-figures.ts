/**
 * The few figures of tables 三 and 四 that a report's narrative also states (FORMAT §7: "figures in
 * the narrative disagree with the tables"): applications received, 行政复议 cases and 行政诉讼
 * cases. The importer reads registered metrics from the narrative (`import/narrative-metrics.ts`);
 * this reader is the rules' own, pure and deliberately narrow.
 *
 * It reads a figure only where the sentence is unambiguous: a receiving verb (受理, 收到, 新收) or
 * the case keyword directly before the number, a count of 件, no approximation (约, 近, 余, 多,
 * 左右), no other year (上年, 2023年 in a 2024 report), no part or other scope (其中, 各部门, 网上),
 * and for cases the words 信息公开 in the same clause (an agency's other 行政复议 are not table 四's).
 * What it cannot read for certain, it leaves out: a missed sentence costs nothing, a misread one
 * a false warning.
 */

import type { ReportDocument } from "./document";

export type NarrativeFigureKey = "applications" | "reconsideration" | "litigation";
export type TextSection = "overview" | "problems" | "other";

export interface NarrativeFigure {
  key: NarrativeFigureKey;
  value: number;
  /** The clause as read (normalised: full-width folded, spaces dropped), for the message. */
  printed: string;
  section: TextSection;
}

const TEXT_SECTIONS: readonly TextSection[] = ["overview", "problems", "other"];

/**
 * A count as printed: 1,234 or 1234, or 1.2万. Nothing may stand between it and its keyword but
 * `FILL`, so 约, 近, 超过 before it and 余, 多 after it (95余件) leave the sentence unread.
 */
const NUM = "(?<num>\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(?<frac>\\d+))?(?<mag>万)?";
/** What may sit between a keyword and its number: 共计, 总数为, 达. */
const FILL = "(?:共计|合计|总计|共|总数|数量|数)?(?:为|是|达)?";
/** Nothing approximate may follow the unit (95件左右, 95件以上). */
const EXACT_AFTER = "(?!左右|以上|上下)";
const APPLICATION =
  "(?:政府信息公开申请|信息公开申请|政府信息依申请公开(?:申请|办理事项|事项)?|依申请(?:政府)?(?:信息)?公开(?:申请|办理事项|事项)?)";
const RECEIVE = "(?<!未|没有)(?:受理|收到|新收|接收|接到)了?";

interface Phrasing {
  key: NarrativeFigureKey;
  pattern: RegExp;
}

const PHRASINGS: readonly Phrasing[] = [
  // 全年共受理政府信息公开申请95件; 新收政府信息依申请公开申请3件
  {
    key: "applications",
    pattern: new RegExp(`${RECEIVE}${APPLICATION}${FILL}${NUM}件${EXACT_AFTER}`, "g"),
  },
  // 共受理95件政府信息公开申请
  {
    key: "applications",
    pattern: new RegExp(`${RECEIVE}(?:各类)?${NUM}件${EXACT_AFTER}${APPLICATION}`, "g"),
  },
  // 政府信息公开行政复议351件; 因政府信息公开被申请行政复议2件 (not 行政诉讼和行政复议共3件)
  {
    key: "reconsideration",
    pattern: new RegExp(
      `(?<!诉讼[和及与、或/]?(?:被申请|申请)?)行政复议(?:申请|案件)?${FILL}${NUM}(?:件|起)${EXACT_AFTER}`,
      "g",
    ),
  },
  // 有1件涉及政府信息公开工作的行政复议
  {
    key: "reconsideration",
    pattern: new RegExp(
      `(?:有|发生|收到)${NUM}(?:件|起)(?:涉及|关于|因)?(?:政府)?信息公开(?:工作)?(?:的|类)?行政复议(?![和及与、或/]?(?:行政)?诉讼)`,
      "g",
    ),
  },
  // 政府信息公开行政诉讼46件; 行政复议7件，诉讼9件 (what may precede 诉讼: `litigationLead`)
  {
    key: "litigation",
    pattern: new RegExp(`诉讼(?:案件)?${FILL}${NUM}(?:件|起)${EXACT_AFTER}`, "g"),
  },
];

/** A clause ends at these (after NFKC: full-width ，；： are , ; :). */
const CLAUSE_STOP = /[,;:。!?]/;
const SENTENCE_STOP = /[;。!?]/;
/** Another year than the report's, or a count over several years. */
const OTHER_TIME = /上年|去年|上一年|前一年|同期|以往|历年|累计|以来|近[一二三四五两]年/;
/** A part of the total, or another scope than the report's own. */
const PART_OR_SCOPE =
  /其中|各级|各部门|各单位|各地|各区|各县|各乡|各镇|各街道|所属|下属|系统|本级|网上|线上|网络|在线|信函|当面|现场|邮寄|邮件|传真|平台|窗口/;
const ABOUT_DISCLOSURE = /信息公开|依申请/;
const MAX_CONTEXT = 80;
/** How much of the clause before a figure the message quotes. */
const PRINTED_CONTEXT = 40;

/** Full-width digits and punctuation folded; spaces dropped except one between two digits. */
function normalise(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, (space, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? "";
    const after = whole[offset + space.length] ?? "";
    return /\d/.test(before) && /\d/.test(after) ? " " : "";
  });
}

function textBefore(text: string, index: number, stop: RegExp): string {
  const from = Math.max(0, index - MAX_CONTEXT);
  const before = text.slice(from, index);
  for (let i = before.length - 1; i >= 0; i -= 1) {
    if (stop.test(before[i] ?? "")) return before.slice(i + 1);
  }
  return before;
}

function countOf(groups: Record<string, string | undefined>): number | null {
  const digits = (groups.num ?? "").replace(/,/g, "");
  if (digits === "") return null;
  const value =
    Number(`${digits}${groups.frac ? `.${groups.frac}` : ""}`) * (groups.mag ? 10_000 : 1);
  return Number.isSafeInteger(value) ? value : null;
}

function mentionsOtherYear(sentence: string, year: number): boolean {
  for (const match of sentence.matchAll(/(?<!\d)((?:19|20)\d{2})(?=年)/g)) {
    if (Number(match[1]) !== year) return true;
  }
  return false;
}

/** A 行政复议 count that ends the clause before: 行政复议7件， */
const FOLLOWS_RECONSIDERATION = /复议(?:案件)?\d+件[,、]$/;

/**
 * Whether a 诉讼 count is table 四's: after 行政 (but not 行政复议和行政诉讼, a sum of both), or
 * bare right after a 行政复议 count (行政复议7件，诉讼9件); not 民事诉讼 or 应诉.
 */
function litigationLead(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 16), index);
  if (before.endsWith("行政")) return !/复议[和及与、或/]?被?(?:提起)?行政$/.test(before);
  return FOLLOWS_RECONSIDERATION.test(before);
}

function readSection(text: string, section: TextSection, year: number): NarrativeFigure[] {
  const out: NarrativeFigure[] = [];
  for (const { key, pattern } of PHRASINGS) {
    for (const match of text.matchAll(pattern)) {
      const value = countOf(match.groups ?? {});
      if (value === null) continue;
      const clause = textBefore(text, match.index, CLAUSE_STOP);
      const sentence = textBefore(text, match.index, SENTENCE_STOP);
      if (OTHER_TIME.test(clause) || mentionsOtherYear(sentence, year)) continue;
      if (key === "applications" && PART_OR_SCOPE.test(clause)) continue;
      if (key === "litigation" && !litigationLead(text, match.index)) continue;
      // A 诉讼 clause right after a 行政复议 count continues it (行政复议7件，[行政]诉讼9件).
      const start = match.index - clause.length;
      const continues =
        key === "litigation" &&
        FOLLOWS_RECONSIDERATION.test(text.slice(Math.max(0, start - 16), start));
      const about = continues
        ? `${textBefore(text, start - 1, CLAUSE_STOP)}${text[start - 1] ?? ""}${clause}`
        : clause;
      if (key !== "applications" && !ABOUT_DISCLOSURE.test(about + match[0])) continue;
      out.push({ key, value, printed: `${about.slice(-PRINTED_CONTEXT)}${match[0]}`, section });
    }
  }
  return out;
}

/**
 * The applications, 行政复议 and 行政诉讼 counts the narrative states without doubt, in the order
 * of the sections and, within one, of the phrasings.
 *
 * @example
 * readNarrativeFigures({ overview: "全年共受理政府信息公开申请95件。" }, 2022)
 * // [{ key: "applications", value: 95, printed: "全年共受理政府信息公开申请95件", section: "overview" }]
 */
export function readNarrativeFigures(
  text: ReportDocument["text"],
  year: number,
): NarrativeFigure[] {
  if (!text) return [];
  return TEXT_SECTIONS.flatMap((section) => {
    const prose = text[section];
    return prose ? readSection(normalise(prose), section, year) : [];
  });
}
