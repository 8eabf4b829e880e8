/**
 * What "reads at 100 % of expected.json" means, shared by the text, HTML, DOCX and PDF tests:
 * every cell and metric the hand transcription holds, beside what the importer read.
 */

import type { ReportDocument } from "../../../worker/report/document";

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

/** expected.json keeps the 2019 procurement amount as printed ("251000元"); the document in 元. */
function canonicalSection2(section2: Record<string, unknown>): Record<string, unknown> {
  const procurement = asRecord(section2.centralized_procurement);
  const printed = procurement.amount_as_printed;
  if (typeof printed !== "string") return section2;
  const match = /^([\d.,]+)\s*(万)?元$/.exec(printed.trim());
  const amount = match?.[1] ? Number(match[1].replace(/,/g, "")) * (match[2] ? 10_000 : 1) : NaN;
  const { amount_as_printed: _printed, ...rest } = procurement;
  return { ...section2, centralized_procurement: { ...rest, amount_yuan: amount } };
}

/** Every cell the transcription holds, as [path, expected, parsed]. */
function cellsToCompare(
  expected: Record<string, unknown>,
  doc: ReportDocument,
): [string, unknown, unknown][] {
  const out: [string, unknown, unknown][] = [];
  const section2 = expected.section2;
  if (section2) {
    for (const [key, value] of Object.entries(canonicalSection2(asRecord(section2)))) {
      out.push([`section2.${key}`, value, asRecord(doc.section2)[key]]);
    }
  }
  const rows = asRecord(asRecord(expected.section3).rows);
  for (const [key, value] of Object.entries(rows)) {
    out.push([`section3.${key}`, value, asRecord(doc.section3?.rows)[key]]);
  }
  for (const [key, value] of Object.entries(asRecord(expected.section4))) {
    out.push([`section4.${key}`, value, asRecord(doc.section4)[key]]);
  }
  for (const [key, value] of Object.entries(asRecord(expected.metrics))) {
    out.push([`metrics.${key}`, value, asRecord(doc.metrics)[key]]);
  }
  return out;
}

/** The cells whose parsed value differs from the transcription's. */
export function mismatchedCells(
  expected: Record<string, unknown>,
  doc: ReportDocument,
): [string, unknown, unknown][] {
  return cellsToCompare(expected, doc).filter(
    ([, want, got]) => JSON.stringify(want) !== JSON.stringify(got),
  );
}

/** The agency the importer must name: the transcription's, or nobody where it only guesses (某…). */
export function expectedAgency(expected: Record<string, unknown>): string | null {
  const printed = String(expected.agency).split(" (")[0] ?? "";
  return printed.includes("某") ? null : printed;
}
