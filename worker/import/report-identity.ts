/**
 * The report's year and agency: from the title (洛阳市人民政府办公室2022年政府信息公开工作年度报告,
 * possibly wrapped over two lines), else from the 统计期限 sentence (year) and from the sentences
 * that name the agency (本报告的电子版可在X门户网站下载, 2023年，X坚持…, 请与X联系).
 */

import { cleanAgencyName, expandShortForm } from "./agency-name";
import type { ImportLog } from "./import-warnings";
import { lineAt, type NarrativeText } from "./narrative-text";
import type { SourceLine } from "./source-lines";

const NAME_CHARS = '[\\u3400-\\u9fff()·“”"]';
const TITLE = new RegExp(
  `(?<pre>${NAME_CHARS}{0,40}?)(?<year>(?:19|20)\\d{2})年?度?(?<mid>${NAME_CHARS}{0,40}?)(?:政府|政务)?信息公开(?:工作)?年度?报告`,
);
const PERIOD = /统计(?:期限|周期|时限|时间|区间|范围)[^。]{0,12}?(?<year>(?:19|20)\d{2})\s*年?/;
const TITLE_SEARCH_LINES = 80;
const SHORT_LINE = 40;

interface TitleMatch {
  year: number;
  agency: string | null;
  line: SourceLine;
}

/** A title, or the sentence announcing it, is short: longer lines are only searched this far. */
const TITLE_SEARCH_CHARS = 600;

function titleIn(text: string, line: SourceLine): TitleMatch | null {
  const match = TITLE.exec(text.slice(0, TITLE_SEARCH_CHARS));
  if (!match?.groups) return null;
  const year = Number(match.groups.year);
  const agency =
    cleanAgencyName(match.groups.pre ?? "") ?? cleanAgencyName(match.groups.mid ?? "") ?? null;
  return { year, agency, line };
}

/** Title matches: each line alone first, then two or three short lines joined (a wrapped title). */
function titles(lines: readonly SourceLine[]): TitleMatch[] {
  const head = lines.slice(0, TITLE_SEARCH_LINES);
  const out: TitleMatch[] = [];
  for (const line of head) {
    const m = titleIn(line.compact, line);
    if (m) out.push(m);
  }
  for (const span of [2, 3]) {
    head.forEach((line, i) => {
      const group = head.slice(i, i + span);
      if (group.length < span || group.some((l) => l.compact.length > SHORT_LINE)) return;
      const m = titleIn(group.map((l) => l.compact).join(""), line);
      if (m) out.push(m);
    });
  }
  return out;
}

const AGENCY_SUFFIX =
  "(?:人民政府办公厅|人民政府办公室|人民政府|政府办公厅|政府办公室|办公厅|办公室|管理委员会|委员会|管委会|管理局|服务局|局|厅|委|办事处|中心|署)";
const AGENCY = `[\\u3400-\\u9fff]{2,30}?${AGENCY_SUFFIX}`;
const SENTENCES: readonly RegExp[] = [
  new RegExp(
    `电子版(?:可|可以)?(?:在|从|通过|登录)“?(?<name>${AGENCY})”?(?:门户网站|网站|官网|政府网)`,
  ),
  new RegExp(
    `(?:19|20)\\d{2}年度?,?(?<name>${AGENCY})(?![\\u3400-\\u9fff]{0,1}(?:人民政府|政府|办公|委员会))`,
  ),
  new RegExp(`请(?:与|联系)(?<name>${AGENCY})(?:联系|\\(|:|,|。|电话)`),
];

function agencyFromSentences(
  narrative: NarrativeText,
): { agency: string; line: SourceLine | undefined } | null {
  for (const pattern of SENTENCES) {
    const match = pattern.exec(narrative.text);
    const raw = match?.groups?.name;
    if (!match || !raw) continue;
    const agency = cleanAgencyName(raw);
    if (agency) return { agency, line: lineAt(narrative, match.index) };
  }
  return null;
}

export interface Identity {
  year: number | null;
  agency: string | null;
}

export function readIdentity(
  lines: readonly SourceLine[],
  narrative: NarrativeText,
  yearHint: number | undefined,
  log: ImportLog,
): Identity {
  const found = titles(lines);
  const named = found.find((t) => t.agency !== null);
  const title = named ?? found[0] ?? null;

  let year: number | null = null;
  const period = PERIOD.exec(narrative.text);
  const periodYear = period?.groups?.year ? Number(period.groups.year) : null;
  if (title) {
    year = title.year;
    log.source("year", { line: title.line.line, text: title.line.raw });
    if (periodYear !== null && periodYear !== year) {
      log.warn(
        "year_conflict",
        `标题年份${year}与统计期限年份${periodYear}不一致，采用标题年份`,
        `The title says ${year} but the reporting period says ${periodYear}; the title's year is used`,
        { path: "year", line: title.line.line },
      );
    }
  } else if (periodYear !== null && period) {
    year = periodYear;
    const at = lineAt(narrative, period.index);
    if (at) log.source("year", { line: at.line, text: at.raw });
  } else if (yearHint !== undefined && Number.isInteger(yearHint)) {
    year = yearHint;
    log.warn(
      "year_from_hint",
      "正文未写明年度，采用调用方提供的年度",
      "No year in the text; the caller's hint is used",
      {
        path: "year",
      },
    );
  }
  if (year !== null && yearHint !== undefined && year !== yearHint) {
    log.warn(
      "year_hint_mismatch",
      `正文年度${year}与提示年度${yearHint}不同，采用正文年度`,
      `The text says ${year}, the hint ${yearHint}; the text's year is used`,
      { path: "year" },
    );
  }

  let agency: string | null = null;
  if (named?.agency) {
    agency = named.agency;
    log.source("agency", { line: named.line.line, text: named.line.raw });
  } else {
    const fromSentence = agencyFromSentences(narrative);
    if (fromSentence) {
      agency = fromSentence.agency;
      if (fromSentence.line) {
        log.source("agency", { line: fromSentence.line.line, text: fromSentence.line.raw });
      }
    }
  }
  if (agency) {
    const full = expandShortForm(agency);
    if (full) {
      log.warn(
        "agency_short_form",
        `机关名称印作简称“${agency}”，已展开为“${full}”`,
        `The agency is printed in short form "${agency}", expanded to "${full}"`,
        { path: "agency" },
      );
      agency = full;
    }
  } else {
    log.warn(
      "agency_not_found",
      "未能从正文识别机关名称",
      "The agency's name was not found in the text",
      {
        path: "agency",
      },
    );
  }
  return { year, agency };
}
