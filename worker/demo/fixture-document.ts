import { reportDocumentSchema, type ReportDocument } from "../report/document";

/**
 * The canonical document held by a fixture's hand-checked `expected.json`. The one
 * deviation from the canonical shape there is the 2019 procurement amount, kept as printed
 * ("251000元"); it is read into `amount_yuan` here.
 */
export function fixtureDocument(expected: Record<string, unknown>): ReportDocument {
  const section2 = expected.section2 as Record<string, unknown> | null | undefined;
  const procurement = section2?.centralized_procurement as Record<string, unknown> | undefined;
  if (procurement && typeof procurement.amount_as_printed === "string") {
    const { amount_as_printed, ...rest } = procurement;
    const yuan = Number(amount_as_printed.replace(/[元,\s]/g, ""));
    section2!.centralized_procurement = { ...rest, amount_yuan: yuan };
  }
  return reportDocumentSchema.parse({
    template: expected.template,
    year: expected.year,
    agency: expected.agency,
    section2: section2 ?? null,
    section3: expected.section3 ?? null,
    section4: expected.section4 ?? null,
    metrics: expected.metrics ?? {},
  });
}
