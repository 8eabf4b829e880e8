/**
 * The report's year and agency, from wherever the report states them, strongest first. Year: the
 * title (洛阳市人民政府办公室2022年政府信息公开工作年度报告, possibly wrapped over two lines), the
 * 统计期限 sentence, a body sentence naming the report (现将2023年度政府信息公开工作报告公布如下) or
 * paragraphs opening "2023年，", the caller's hint, a year in the file name, and last the page's
 * 公开日期 (a report is published the year after). Agency: the title, the page's 发布机构, the
 * sentences that name it (本报告的电子版可在X门户网站下载, 2023年，X坚持…, 请与X联系), the hint.
 * Signals that disagree with the one used are warned about, naming both.
 */

import { sameAgency } from "./agency-match";
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

/** Identity the caller knows from outside the text. */
export interface IdentityHints {
  /** The year the caller expects (the form's year, `--year`). */
  yearHint?: number;
  /** The agency the caller expects (`--agency`). */
  agencyHint?: string;
  /** What the web page around the report says: 发布机构 and the year of 公开日期. */
  page?: { agency?: string | null; publishedYear?: number | null };
  /** The name of the file the text came from; a year in it is a weak hint. */
  fileName?: string;
}

const BODY_TITLE =
  /((?:19|20)\d{2})\s*年度?[\u3400-\u9fff“”"《》]{0,24}?(?:政府|政务)?信息公开(?:工作)?(?:年度)?报告/;
const YEAR_OPENING = /^((?:19|20)\d{2})\s*年(?:度|以来)?,/;
const FILE_NAME_YEAR = /(?:^|[^\d])((?:19|20)\d{2})(?:[^\d]|$)/;

interface YearSignal {
  year: number;
  at?: SourceLine;
}

/** 现将2023年度政府信息公开工作报告公布如下, 现向社会公布X2023年度政府信息公开年度报告. */
function yearFromBodySentence(narrative: NarrativeText): YearSignal | null {
  const match = BODY_TITLE.exec(narrative.text);
  if (!match?.[1]) return null;
  return { year: Number(match[1]), at: lineAt(narrative, match.index) };
}

/** The year most paragraphs open with (2023年，我镇……), when it is clearly the most common. */
function yearFromOpenings(lines: readonly SourceLine[]): YearSignal | null {
  const counts = new Map<number, { n: number; at: SourceLine }>();
  for (const line of lines) {
    const match = YEAR_OPENING.exec(line.text);
    if (!match?.[1]) continue;
    const year = Number(match[1]);
    const seen = counts.get(year);
    counts.set(year, { n: (seen?.n ?? 0) + 1, at: seen?.at ?? line });
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1].n - a[1].n);
  const [first, second] = ranked;
  if (!first || (second && second[1].n === first[1].n)) return null;
  return { year: first[0], at: first[1].at };
}

function yearFromFileName(name: string | undefined): number | null {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  const match = FILE_NAME_YEAR.exec(base);
  return match?.[1] ? Number(match[1]) : null;
}

export interface Identity {
  year: number | null;
  agency: string | null;
}

export function readIdentity(
  lines: readonly SourceLine[],
  narrative: NarrativeText,
  hints: IdentityHints,
  log: ImportLog,
): Identity {
  const found = titles(lines);
  const named = found.find((t) => t.agency !== null);
  const title = named ?? found[0] ?? null;
  const year = readYear(title, lines, narrative, hints, log);
  let agency: string | null = null;
  const pageAgency = hints.page?.agency ? cleanAgencyName(hints.page.agency) : null;
  if (named?.agency) {
    agency = named.agency;
    log.source("agency", { line: named.line.line, text: named.line.raw });
    if (pageAgency && !sameAgency(pageAgency, agency)) {
      log.warn(
        "agency_conflict",
        `标题中的机关“${agency}”与网页的发布机构“${pageAgency}”不一致，采用标题中的机关`,
        `The title names "${agency}" but the page's publisher is "${pageAgency}"; the title's is used`,
        { path: "agency" },
      );
    }
  } else if (pageAgency) {
    agency = pageAgency;
    log.warn(
      "agency_from_page",
      `正文未写明机关名称，采用网页的发布机构“${pageAgency}”`,
      `The text names no agency; the page's publisher "${pageAgency}" is used`,
      { path: "agency" },
    );
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
  } else if (hints.agencyHint) {
    agency = hints.agencyHint;
    log.warn(
      "agency_from_hint",
      `正文未写明机关名称，采用提示的机关“${agency}”`,
      `The text names no agency; the hint "${agency}" is used`,
      { path: "agency" },
    );
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
  if (agency && hints.agencyHint && !sameAgency(agency, hints.agencyHint)) {
    log.warn(
      "agency_hint_mismatch",
      `正文的机关“${agency}”与提示的机关“${hints.agencyHint}”不同，采用正文的机关`,
      `The text names "${agency}", the hint "${hints.agencyHint}"; the text's is used`,
      { path: "agency" },
    );
  }
  return { year, agency };
}

function warnIfOther(log: ImportLog, used: number, other: number | null, what: [string, string]) {
  if (other === null || other === used) return;
  log.warn(
    "year_conflict",
    `${what[0]}${other}与采用的年度${used}不一致`,
    `${what[1]} says ${other}, but ${used} is used`,
    { path: "year" },
  );
}

function readYear(
  title: TitleMatch | null,
  lines: readonly SourceLine[],
  narrative: NarrativeText,
  hints: IdentityHints,
  log: ImportLog,
): number | null {
  const period = PERIOD.exec(narrative.text);
  const periodYear = period?.groups?.year ? Number(period.groups.year) : null;
  const sentence = yearFromBodySentence(narrative);
  const opening = yearFromOpenings(narrative.lines);
  const fileYear = yearFromFileName(hints.fileName);
  const { yearHint } = hints;
  const published = hints.page?.publishedYear ?? null;

  let year: number | null = null;
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
  } else {
    const body = sentence ?? opening;
    if (body) {
      year = body.year;
      if (body.at) log.source("year", { line: body.at.line, text: body.at.raw });
      if (sentence && opening)
        warnIfOther(log, year, opening.year, ["段首年份", "A paragraph opening"]);
    }
  }
  if (year === null && yearHint !== undefined && Number.isInteger(yearHint)) {
    year = yearHint;
    log.warn(
      "year_from_hint",
      "正文未写明年度，采用调用方提供的年度",
      "No year in the text; the caller's hint is used",
      {
        path: "year",
      },
    );
  } else if (year === null && fileYear !== null) {
    year = fileYear;
    log.warn(
      "year_from_file_name",
      `正文未写明年度，采用文件名中的年度${fileYear}`,
      `No year in the text; the year ${fileYear} in the file name is used`,
      { path: "year" },
    );
  } else if (year === null && published !== null) {
    year = published - 1;
    log.warn(
      "year_from_publication_date",
      `正文未写明年度，按网页公开日期（${published}年）推定为${year}年度`,
      `No year in the text; ${year} is assumed from the page's publication date (${published})`,
      { path: "year" },
    );
  }
  if (year === null) return null;
  if (yearHint !== undefined && year !== yearHint) {
    log.warn(
      "year_hint_mismatch",
      `正文年度${year}与提示年度${yearHint}不同，采用正文年度`,
      `The text says ${year}, the hint ${yearHint}; the text's year is used`,
      { path: "year" },
    );
  }
  if (yearHint === undefined) warnIfOther(log, year, fileYear, ["文件名中的年度", "The file name"]);
  return year;
}
