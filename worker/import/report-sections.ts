/**
 * Where the six sections of a report lie. A section is recognised by a heading line that starts
 * with a Chinese numeral and carries the section's keywords, in ascending order, so that local
 * renumbering (a narrative with its own 一…六 before the tables) does not confuse it. Tables whose
 * heading is lost are found by their content.
 */

import type { SourceLine } from "./source-lines";

export type SectionId = "overview" | "table2" | "table3" | "table4" | "problems" | "other";

const SECTION_ORDER: readonly SectionId[] = [
  "overview",
  "table2",
  "table3",
  "table4",
  "problems",
  "other",
];

/** Half-open range of indexes into the content lines; `heading` is the heading line's index. */
interface SectionRange {
  heading: number | null;
  start: number;
  end: number;
}

export type SectionMap = Partial<Record<SectionId, SectionRange>>;

const HEADING = /^(?:第)?[一二三四五六七八九十]{1,3}(?:部分)?\s*[、.:)]\s*(.*)$/;
const MAX_HEADING_LENGTH = 40;

const KEYWORDS: Record<SectionId, RegExp> = {
  overview: /总体情况|概述|基本情况/,
  table2: /主动公开政府信息/,
  table3: /(?:收到|处理).{0,4}政府信息公开申请|政府信息公开申请.{0,4}(?:收到|处理)/,
  table4: /行政复议|行政诉讼/,
  problems: /主要问题|存在.{0,2}问题|改进情况|整改/,
  other: /其他需要报告|其他需报告|其他事项/,
};

function headingSection(line: SourceLine, after: number): SectionId | null {
  const match = HEADING.exec(line.compact);
  if (!match) return null;
  const title = match[1] ?? "";
  if (title.length === 0 || title.length > MAX_HEADING_LENGTH) return null;
  for (let k = after + 1; k < SECTION_ORDER.length; k += 1) {
    const id = SECTION_ORDER[k];
    if (id && KEYWORDS[id].test(title)) return id;
  }
  return null;
}

/** Content anchors for tables whose heading is missing. */
function contentAnchor(id: SectionId, line: SourceLine): boolean {
  switch (id) {
    case "table2":
      return line.compact.length <= 24 && /^\|?第二十条/.test(line.compact);
    case "table3":
      return /^\|?(?:一[、.]本年新收|\(?本列数据的勾稽关系|申请人情况)/.test(line.compact);
    case "table4":
      return line.compact.length <= 30 && /行政复议.{0,6}行政诉讼/.test(line.compact);
    case "problems":
      return /^\(一\)(?:存在的)?主要问题/.test(line.compact);
    default:
      return false;
  }
}

/**
 * The sections found, each running to the start of the next one found (or the end). Headings
 * must come in ascending order; a table without a heading is anchored on its content.
 */
export function findSections(lines: readonly SourceLine[]): SectionMap {
  const starts: { id: SectionId; index: number; heading: boolean }[] = [];
  let current = -1;
  lines.forEach((line, index) => {
    const id = headingSection(line, current);
    if (id) {
      starts.push({ id, index, heading: true });
      current = SECTION_ORDER.indexOf(id);
      return;
    }
    for (let k = current + 1; k < SECTION_ORDER.length; k += 1) {
      const candidate = SECTION_ORDER[k];
      if (!candidate || candidate === "overview" || candidate === "other") continue;
      // Only a table whose predecessor is already open is anchored by content, and only when
      // the next heading in line has not turned up.
      if (k !== current + 1 && k !== current + 2) continue;
      if (contentAnchor(candidate, line)) {
        starts.push({ id: candidate, index, heading: false });
        current = k;
        return;
      }
    }
  });
  const map: SectionMap = {};
  starts.forEach((s, i) => {
    const next = starts[i + 1];
    map[s.id] = {
      heading: s.heading ? s.index : null,
      start: s.heading ? s.index + 1 : s.index,
      end: next ? next.index : lines.length,
    };
  });
  return map;
}
