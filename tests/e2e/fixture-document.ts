import { readFileSync } from "node:fs";
import { fixtureDocumentInput } from "../../worker/demo/fixture-document";

/** Fixture 00's figures (every rule holds) as a report of `year` with the given website visits. */
export function fixture00As(year: number, websiteVisits: number) {
  const expected = JSON.parse(
    readFileSync(
      new URL(
        "../../../shared/fixtures/reports/00_luoyang_shi_bgs_2022.expected.json",
        import.meta.url,
      ),
      "utf8",
    ),
  );
  const doc = fixtureDocumentInput(expected) as {
    year: number;
    agency?: string;
    metrics: Record<string, number>;
  };
  doc.year = year;
  delete doc.agency;
  doc.metrics.website_visits = websiteVisits;
  return doc;
}
