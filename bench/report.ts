import type { Figure } from "./bench-case";

type Verdict = "ok" | "MISSED" | "";

function verdict(figure: Figure): Verdict {
  if (figure.target === null) return "";
  const met =
    figure.better === "higher" ? figure.value >= figure.target : figure.value <= figure.target;
  return met ? "ok" : "MISSED";
}

/** `{ "<name>": { value, unit, target } }`, the shape `npm run bench -- --json` prints. */
export function toJson(figures: readonly Figure[]): string {
  const out: Record<string, { value: number; unit: string; target: number | null }> = {};
  for (const f of figures) out[f.name] = { value: round(f.value), unit: f.unit, target: f.target };
  return JSON.stringify(out);
}

/** A plain-text table, one figure a line, with a closing line that names every missed target. */
export function toTable(figures: readonly Figure[]): string {
  const rows = [
    ["figure", "value", "unit", "target", "result"],
    ...figures.map((f) => [
      f.name,
      String(round(f.value)),
      f.unit,
      f.target === null ? "" : `${f.better === "higher" ? "≥" : "≤"} ${f.target}`,
      verdict(f),
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const align = (row: string[]) =>
    row
      .map((cell, c) => (c === 1 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join("  ")
      .trimEnd();
  const lines = [
    align(rows[0]!),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.slice(1).map(align),
  ];
  const missed = figures.filter((f) => verdict(f) === "MISSED");
  const withTarget = figures.filter((f) => f.target !== null).length;
  lines.push(
    "",
    withTarget === 0
      ? "no targets in this run"
      : missed.length === 0
        ? `all ${withTarget} targets met`
        : `MISSED ${missed.length} of ${withTarget} targets: ${missed.map((f) => f.name).join(", ")}`,
  );
  return lines.join("\n") + "\n";
}

/** Three significant decimals at most: timings are not more precise than that. */
function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const decimals = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
