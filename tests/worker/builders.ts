import luoyang from "../../../shared/fixtures/reports/00_luoyang_shi_bgs_2022.expected.json";
import shanghai2019 from "../../../shared/fixtures/reports/05_shanghai_shizhengfu_bgt_2019.expected.json";
import { fixtureDocument } from "../../worker/demo/fixture-document";
import type { ReportDocument } from "../../worker/report/document";

/** Fixture 00 (洛阳市人民政府办公室 2022) exactly as its expected.json holds it: every rule holds. */
export const fixture00 = (): ReportDocument => fixtureDocument(structuredClone(luoyang));

export const fixture05 = (): ReportDocument => fixtureDocument(structuredClone(shanghai2019));

/** A complete, rule-abiding 2021-template document for `year`, with overrides applied. */
export function validDocument(year = 2022, mutate?: (doc: ReportDocument) => void): ReportDocument {
  const doc = { ...fixture00(), year };
  delete (doc as { agency?: string }).agency;
  mutate?.(doc);
  return doc;
}
