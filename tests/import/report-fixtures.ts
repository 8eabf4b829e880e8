/** The published-report fixtures of /work/shared: each text with its hand transcription. */

import { readdirSync, readFileSync } from "node:fs";

const FIXTURES_DIR = new URL("../../../shared/fixtures/reports/", import.meta.url);

export interface ReportFixture {
  name: string;
  text: string;
  expected: Record<string, unknown>;
}

export function reportFixtureNames(): string[] {
  return readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => f.replace(/\.txt$/, ""))
    .sort();
}

export function readReportFixture(name: string): ReportFixture {
  const text = readFileSync(new URL(`${name}.txt`, FIXTURES_DIR), "utf8");
  const json = readFileSync(new URL(`${name}.expected.json`, FIXTURES_DIR), "utf8");
  return { name, text, expected: JSON.parse(json) as Record<string, unknown> };
}

export function allReportFixtures(): ReportFixture[] {
  return reportFixtureNames().map(readReportFixture);
}
