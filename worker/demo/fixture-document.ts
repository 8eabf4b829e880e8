import { reportDocumentSchema, type ReportDocument } from "../report/document";

const DOCUMENT_FIELDS = [
  "template",
  "year",
  "agency",
  "section2",
  "section3",
  "section4",
  "metrics",
] as const;

/**
 * The canonical-document fields of a fixture's hand-checked `expected.json`, unvalidated.
 * The one deviation from the canonical shape there is the 2019 procurement amount, kept as
 * printed (`amount_as_printed: "251000元"`); it is read into `amount_yuan` here.
 */
export function fixtureDocumentInput(expected: Record<string, unknown>): Record<string, unknown> {
  const doc: Record<string, unknown> = {};
  for (const field of DOCUMENT_FIELDS) {
    if (expected[field] !== undefined) doc[field] = structuredClone(expected[field]);
  }
  const section2 = doc.section2 as Record<string, unknown> | undefined;
  const procurement = section2?.centralized_procurement as Record<string, unknown> | undefined;
  if (procurement && typeof procurement.amount_as_printed === "string") {
    const { amount_as_printed: printed, ...rest } = procurement;
    section2!.centralized_procurement = { ...rest, amount_yuan: yuanAsPrinted(printed) };
  }
  return doc;
}

export function fixtureDocument(expected: Record<string, unknown>): ReportDocument {
  return reportDocumentSchema.parse(fixtureDocumentInput(expected));
}

/** "251000元" → 251000, "25.1万元" → 251000. */
function yuanAsPrinted(text: string): number {
  const match = /^([\d.,]+)\s*(万)?元$/.exec(text.trim());
  if (!match?.[1]) throw new Error(`unreadable amount: ${text}`);
  const value = Number(match[1].replace(/,/g, ""));
  return match[2] ? value * 10_000 : value;
}
