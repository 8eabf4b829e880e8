/** Loads the published-report fixtures of /work/shared as canonical documents. */

import { readdirSync, readFileSync } from "node:fs";

const FIXTURES_DIR = new URL("../../../shared/fixtures/reports/", import.meta.url);

const DOCUMENT_FIELDS = [
  "template",
  "year",
  "agency",
  "section2",
  "section3",
  "section4",
  "metrics",
] as const;

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

/** "251000元" → 251000, "25.1万元" → 251000. */
function yuanAsPrinted(text: string): number {
  const match = /^([\d.,]+)\s*(万)?元$/.exec(text.trim());
  if (!match?.[1]) throw new Error(`unreadable amount: ${text}`);
  const value = Number(match[1].replace(/,/g, ""));
  return match[2] ? value * 10_000 : value;
}

/**
 * The fields of the canonical document, taken from a fixture. Fixture 05 keeps the procurement
 * amount as printed (`amount_as_printed: "251000元"`); the document holds a number in 元, so the
 * loader converts it to `amount_yuan: 251000` — the importer has to do the same.
 */
export function fixtureDocument(name: string): unknown {
  const fixture = readFixture(name);
  const doc: Record<string, unknown> = {};
  for (const field of DOCUMENT_FIELDS) {
    if (fixture[field] !== undefined) doc[field] = structuredClone(fixture[field]);
  }
  const section2 = doc.section2 as Record<string, unknown> | undefined;
  const procurement = section2?.centralized_procurement as Record<string, unknown> | undefined;
  if (procurement && typeof procurement.amount_as_printed === "string") {
    const { amount_as_printed: printed, ...rest } = procurement;
    section2!.centralized_procurement = { ...rest, amount_yuan: yuanAsPrinted(printed as string) };
  }
  return doc;
}
