/**
 * Random seasons for the aggregate property test: an agency tree under a province government,
 * report documents derived from the fixtures (scaled — the rules are linear — with blank cells,
 * blank and disagreeing printed 总计), and the steps staff take. Everything is plain data that
 * fast-check prints and shrinks readably: agencies are named by their index in the tree.
 */

import fc from "fast-check";
import type { ReportDocument } from "../../worker/report/document";
import {
  SECTION3_COLUMNS,
  SECTION3_ROW_KEYS,
  SECTION4_COLUMNS,
} from "../../worker/report/templates";
import { fixture05, validDocument } from "../worker/builders";
import { documentFigures, type Basis, type Cell, type Scope } from "./aggregates";

export type Level = "province" | "city" | "county" | "township";
type Kind = "government" | "department";

/** Agency `i` of the tree (the root, index 0, is the province government). */
export interface TreeNode {
  parent: number;
  kind: Kind;
}

export interface DocSpec {
  template: "2021" | "2019";
  /** Every count multiplied by it. */
  scale: number;
  /** The fee (表二 收费金额, 万元; and the 信息处理费 metric, 元) in hundredths. */
  fee: number;
  /** Figure keys left blank; `section3.<row>.*` blanks the whole row. */
  blank: string[];
  /** Printed 总计 of table-三 rows replaced: null leaves it blank, a number disagrees. */
  totals: [row: string, printed: number | null][];
}

type Quirk = "no_note" | "stale";

export type SimpleStep =
  | { op: "save"; agency: number; doc: DocSpec; quirk?: Quirk }
  | { op: "submit" | "approve" | "return" | "rescope"; agency: number }
  | { op: "move"; agency: number; to: number };

type Step =
  /**
   * With `together`, both requests are sent at once, through a D1 whose queries wait a little
   * (a sequence seeded by `jitter`) so that their reads and writes interleave.
   */
  | (SimpleStep & { together?: SimpleStep; jitter?: number })
  /** Save, submit and approve, one after the other. */
  | { op: "publish"; agency: number; doc: DocSpec };

type Extra =
  | "overview"
  | "compare"
  | "public_rollup"
  | "public_series"
  | "public_indicators"
  | "region_report"
  | "region_report_csv"
  | "region_report_xlsx"
  | "embed_csv"
  | "embed_pinned"
  | "bulk_csv"
  | "rollup_by_region_code";

const EXTRAS: readonly Extra[] = [
  "overview",
  "compare",
  "public_rollup",
  "public_series",
  "public_indicators",
  "region_report",
  "region_report_csv",
  "region_report_xlsx",
  "embed_csv",
  "embed_pinned",
  "bulk_csv",
  "rollup_by_region_code",
];

/** Figures and indicators the single-figure answers (series, embeds, compare) are asked for. */
export const ASKED_METRICS = [
  "section3.granted.total",
  "section3.other_processing.total",
  "section3.new_received.natural_person",
  "section2.fees_wan_yuan",
  "section2.regulations.new_made",
  "section4.reconsideration.corrected",
  "metrics.website_visits",
  "indicator.disclosure_rate",
  "indicator.carry_forward_rate",
] as const;

export interface Scenario {
  tree: TreeNode[];
  steps: Step[];
  /** A second subtree asked about, and how. */
  probe: { agency: number; scope: Scope; basis: Basis };
  /** The answers checked besides the staff rollups. */
  extras: Extra[];
  /** Which scope the extras ask for (they ask one each). */
  extrasScope: Scope;
  /** After which step (modulo their number) `embed_pinned` takes its data version. */
  pinAfter: number;
  /** What series and embeds ask for. */
  metric: (typeof ASKED_METRICS)[number];
}

const LEVELS: readonly Level[] = ["province", "city", "county", "township"];

/** The levels of the tree's agencies: a government one below its parent government's. */
export function levelsOf(tree: readonly TreeNode[]): Level[] {
  const levels: Level[] = ["province"];
  tree.forEach((node, i) => {
    if (i === 0) return;
    const parent = levels[node.parent]!;
    levels.push(node.kind === "government" ? LEVELS[LEVELS.indexOf(parent) + 1]! : parent);
  });
  return levels;
}

function treeArbitrary(size: { min: number; max: number }): fc.Arbitrary<TreeNode[]> {
  return fc
    .array(fc.record({ parent: fc.nat(), government: fc.nat(4).map((n) => n < 3) }), {
      minLength: Math.max(1, size.min - 1),
      maxLength: size.max - 1,
    })
    .map((raw) => {
      const tree: TreeNode[] = [{ parent: -1, kind: "government" }];
      const levels: Level[] = ["province"];
      raw.forEach((node, i) => {
        const parent = node.parent % (i + 1);
        // Governments nest province → city → county → township, departments under anything.
        const government =
          node.government && tree[parent]!.kind === "government" && levels[parent] !== "township";
        tree.push({ parent, kind: government ? "government" : "department" });
        levels.push(government ? LEVELS[LEVELS.indexOf(levels[parent]!) + 1]! : levels[parent]!);
      });
      return tree;
    });
}

/** Every figure key either fixture holds, and each table-三 row as a whole. */
const BLANKABLE: readonly string[] = [
  ...new Set([
    ...documentFigures(validDocument(2022), false).keys(),
    ...documentFigures(fixture05(), false).keys(),
    ...SECTION3_ROW_KEYS.map((row) => `section3.${row}.*`),
  ]),
];

/** `arb` one time in `1 + rest`, else null; shrinking goes to null first. */
const rarely = <T>(arb: fc.Arbitrary<T>, rest: number) =>
  fc.oneof(
    { withCrossShrink: true },
    { arbitrary: fc.constant(null), weight: rest },
    { arbitrary: arb, weight: 1 },
  );

const weighted = <T>(pairs: [T, number][]) =>
  fc.oneof(...pairs.map(([value, weight]) => ({ arbitrary: fc.constant(value), weight })));

const docSpecArbitrary: fc.Arbitrary<DocSpec> = fc.record({
  template: weighted<"2021" | "2019">([
    ["2021", 2],
    ["2019", 1],
  ]),
  scale: fc.integer({ min: 1, max: 6 }),
  fee: fc.integer({ min: 0, max: 99_999 }),
  blank: fc.uniqueArray(fc.constantFrom(...BLANKABLE), { maxLength: 4 }),
  totals: fc.uniqueArray(
    fc.tuple(
      fc.constantFrom(...SECTION3_ROW_KEYS),
      fc.option(fc.integer({ min: 0, max: 30 }), { freq: 2 }),
    ),
    { maxLength: 3, selector: ([row]) => row },
  ),
});

function stepsArbitrary(agencies: number, maxSteps: number): fc.Arbitrary<Step[]> {
  const agency = fc.nat(agencies - 1);
  const save = fc
    .record({
      op: fc.constant("save" as const),
      agency,
      doc: docSpecArbitrary,
      quirk: rarely(fc.constantFrom<Quirk>("no_note", "stale"), 8),
    })
    .map(({ quirk, ...step }): SimpleStep => (quirk ? { ...step, quirk } : step));
  const transition = fc.record({
    op: fc.constantFrom("submit" as const, "approve" as const, "return" as const),
    agency,
  });
  const rescope = fc.record({ op: fc.constant("rescope" as const), agency });
  const move = fc.record({ op: fc.constant("move" as const), agency, to: agency });
  const simple = fc.oneof(
    { arbitrary: save, weight: 4 },
    { arbitrary: transition, weight: 3 },
    { arbitrary: move, weight: 1 },
    { arbitrary: rescope, weight: 1 },
  );
  // A partner sent at the same time — over another agency, the same one, or (for two moves) each
  // agency under the other; shrinking drops the partner first.
  const step = fc
    .tuple(
      simple,
      rarely(
        fc.tuple(
          simple,
          fc.constantFrom("same" as const, "other" as const, "crossed" as const),
          fc.nat(999),
        ),
        3,
      ),
    )
    .map(([first, partner]): Step => {
      if (!partner) return first;
      const [second, relation, jitter] = partner;
      const together: SimpleStep =
        relation === "other"
          ? second
          : relation === "crossed" && first.op === "move"
            ? { op: "move", agency: first.to, to: first.agency }
            : { ...second, agency: first.agency };
      return { ...first, together, jitter };
    });
  const publish = fc.record({ op: fc.constant("publish" as const), agency, doc: docSpecArbitrary });
  return fc.array(fc.oneof({ arbitrary: step, weight: 3 }, { arbitrary: publish, weight: 1 }), {
    minLength: 1,
    maxLength: maxSteps,
  });
}

export interface SeasonSize {
  agencies: { min: number; max: number };
  steps: number;
  extras: { min: number; max: number };
}

/**
 * Steps and the probe name agencies by index into the tree, taken modulo its size (so the tree
 * shrinks on its own); a move of the root is left out.
 */
export function scenarioArbitrary(size: SeasonSize): fc.Arbitrary<Scenario> {
  return fc
    .record({
      tree: treeArbitrary(size.agencies),
      steps: stepsArbitrary(size.agencies.max, size.steps),
      probe: fc.record({
        agency: fc.nat(size.agencies.max - 1),
        scope: fc.constantFrom<Scope>("region", "self"),
        basis: fc.constantFrom<Basis>("current", "published"),
      }),
      extras: fc.shuffledSubarray([...EXTRAS], {
        minLength: size.extras.min,
        maxLength: size.extras.max,
      }),
      extrasScope: fc.constantFrom<Scope>("region", "self"),
      pinAfter: fc.nat(size.steps - 1),
      metric: fc.constantFrom(...ASKED_METRICS),
    })
    .map((scenario) =>
      // fast-check prints a counterexample with this: the season as a reader would tell it.
      Object.assign(scenario, { [fc.toStringMethod]: () => describeScenario(scenario) }),
    );
}

/** A scenario as text, agencies resolved to their place in the tree (`#i`). */
function describeScenario(scenario: Scenario): string {
  const levels = levelsOf(scenario.tree);
  const n = scenario.tree.length;
  const at = (index: number) => `#${index % n}`;
  const tree = scenario.tree
    .map((node, i) => `#${i} ${levels[i]} ${node.kind}${i === 0 ? "" : ` under #${node.parent}`}`)
    .join("; ");
  const simple = (step: SimpleStep): string => {
    switch (step.op) {
      case "save":
        return `save ${at(step.agency)} ${describeDocSpec(step.doc)}${step.quirk ? ` [${step.quirk}]` : ""}`;
      case "move":
        return `move ${at(step.agency)} under ${at(step.to)}`;
      default:
        return `${step.op} ${at(step.agency)}`;
    }
  };
  const steps = scenario.steps.map((step, i) => {
    const text =
      step.op === "publish"
        ? `publish ${at(step.agency)} ${describeDocSpec(step.doc)}`
        : step.together
          ? `${simple(step)} ‖ ${simple(step.together)} (sent together, jitter ${step.jitter})`
          : simple(step);
    return `  ${i + 1}. ${text}`;
  });
  const { probe } = scenario;
  const pin = scenario.extras.includes("embed_pinned")
    ? `; pinned after step ${(scenario.pinAfter % scenario.steps.length) + 1}`
    : "";
  return [
    "season(",
    `  tree: ${tree}`,
    ...steps,
    `  probe ${at(probe.agency)} scope=${probe.scope} basis=${probe.basis}; extras ${scenario.extras.join(", ") || "none"} (scope ${scenario.extrasScope}, metric ${scenario.metric})${pin}`,
    ")",
  ].join("\n");
}

export function describeDocSpec(spec: DocSpec): string {
  const parts = [`${spec.template}×${spec.scale}`, `fee ${spec.fee / 100}`];
  if (spec.blank.length) parts.push(`blank ${spec.blank.join(" ")}`);
  if (spec.totals.length)
    parts.push(`总计 ${spec.totals.map(([row, v]) => `${row}=${v ?? "blank"}`).join(" ")}`);
  return `(${parts.join(", ")})`;
}

// ---------------------------------------------------------------------------------------------
// Documents

function scaleCounts(node: unknown, scale: number): unknown {
  if (typeof node === "number") return node * scale;
  if (Array.isArray(node)) return node.map((v) => scaleCounts(v, scale));
  if (node && typeof node === "object")
    return Object.fromEntries(
      Object.entries(node as Record<string, unknown>).map(([k, v]) => [k, scaleCounts(v, scale)]),
    );
  return node;
}

/** The document a spec describes, for `year`. */
export function buildDocument(spec: DocSpec, year: number): ReportDocument {
  const base: ReportDocument =
    spec.template === "2021" ? validDocument(year) : { ...fixture05(), year };
  delete (base as { agency?: string }).agency;
  const doc = {
    ...base,
    section2: scaleCounts(base.section2, spec.scale),
    section3: { rows: scaleCounts(base.section3!.rows, spec.scale) },
    section4: scaleCounts(base.section4, spec.scale),
    metrics: scaleCounts(base.metrics, spec.scale),
  } as ReportDocument;
  const fee = spec.fee / 100;
  if (doc.template === "2021") doc.section2!.fees_wan_yuan = fee;
  if (doc.metrics?.fee_collected_yuan !== undefined) doc.metrics.fee_collected_yuan = fee;

  const rows = doc.section3!.rows as Record<string, Cell[]>;
  const section2 = doc.section2 as Record<string, unknown>;
  for (const key of spec.blank) {
    const [table, row, column] = key.split(".") as [string, string, string | undefined];
    if (table === "section3" && rows[row]) {
      if (column === "*") rows[row] = rows[row].map(() => null);
      else rows[row][SECTION3_COLUMN_INDEX.get(column!)!] = null;
    } else if (table === "section4") {
      const group = (doc.section4 as Record<string, Cell[]>)[row]!;
      group[SECTION4_COLUMN_INDEX.get(column!)!] = null;
    } else if (table === "metrics") {
      if ((doc.metrics as Record<string, Cell>)[row] !== undefined)
        (doc.metrics as Record<string, Cell>)[row] = null;
    } else if (table === "section2" && row in section2) {
      if (column === undefined) section2[row] = null;
      else if ((section2[row] as Record<string, Cell>)[column] !== undefined)
        (section2[row] as Record<string, Cell>)[column] = null;
    }
  }
  for (const [row, printed] of spec.totals) if (rows[row]) rows[row][6] = printed;
  return doc;
}

const SECTION3_COLUMN_INDEX = new Map<string, number>(SECTION3_COLUMNS.map((c, i) => [c.key, i]));
const SECTION4_COLUMN_INDEX = new Map<string, number>(SECTION4_COLUMNS.map((c, i) => [c.key, i]));
