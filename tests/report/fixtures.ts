/** Loads the published-report fixtures of /work/shared as canonical documents. */

import { readdirSync, readFileSync } from "node:fs";
import { fixtureDocumentInput } from "../../worker/demo/fixture-document";

const FIXTURES_DIR = new URL("../../../shared/fixtures/reports/", import.meta.url);

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith(".expected.json"))
    .map((f) => f.replace(/\.expected\.json$/, ""))
    .sort();
}

export function readFixture(name: string): Record<string, unknown> {
  const text = readFileSync(new URL(`${name}.expected.json`, FIXTURES_DIR), "utf8");
  return JSON.parse(text) as Record<string, unknown>;
}

export function hasTables(fixture: Record<string, unknown>): boolean {
  return ["section2", "section3", "section4"].some(
    (k) => fixture[k] !== undefined && fixture[k] !== null,
  );
}

/** The fields of the canonical document, taken from a fixture (see fixtureDocumentInput). */
export function fixtureDocument(name: string): unknown {
  return fixtureDocumentInput(readFixture(name));
}
