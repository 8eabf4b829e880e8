/**
 * Tables 二, 三 and 四 as the official format prints them (labels from templates.ts, merged label
 * cells, two-level headers), filled with an expected.json's values: only the rows it holds, a
 * null as an empty cell.
 */

import { section3Variant } from "../../../worker/report/document";
import {
  SECTION2_2019_ROWS,
  SECTION2_2021_ROWS,
  SECTION3_COLUMNS,
  SECTION3_CORNER_NOTE,
  SECTION3_ROWS,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
  type Section2RowDef,
  type Section3RowGroup,
  type Template,
} from "../../../worker/report/templates";
import type { TableCell } from "./fixture-model";

type Row = TableCell[];

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

function label(text: string, span: Pick<TableCell, "rowspan" | "colspan"> = {}): TableCell {
  return { text, header: true, ...span };
}

/** A figure as printed: a number in plain decimal, a string (251000元) as it is, null blank. */
function figure(value: unknown, span: Pick<TableCell, "colspan"> = {}): TableCell {
  const text = typeof value === "number" || typeof value === "string" ? String(value) : "";
  return { text, ...span };
}

// ---------------------------------------------------------------------------------------------
// Table 二: one block per item of Art. 20, each with its own heading row of column labels.

const TABLE2_WIDTH = 4;

function section2Columns(def: Section2RowDef): string[] {
  return def.shape === "object" ? def.columns.map((c) => c.label) : [def.column.label];
}

/** Cells spread over the table's three figure columns: the last one takes what is left. */
function spread<T>(items: readonly T[], cell: (item: T, colspan?: number) => TableCell): Row {
  const width = TABLE2_WIDTH - 1;
  return items.map((item, i) =>
    i === items.length - 1 && items.length < width
      ? cell(item, width - items.length + 1)
      : cell(item),
  );
}

function section2Values(def: Section2RowDef, value: unknown): unknown[] {
  if (def.shape === "scalar") return [value];
  const record = asRecord(value);
  return def.columns.map((c) =>
    c.key === "amount_yuan" && typeof record.amount_as_printed === "string"
      ? record.amount_as_printed
      : record[c.key],
  );
}

export function table2Rows(expected: Record<string, unknown>): Row[] | null {
  if (!("section2" in expected) || expected.section2 === null) return null;
  const section2 = asRecord(expected.section2);
  const template = expected.template as Template;
  const defs: readonly Section2RowDef[] =
    template === "2019" ? SECTION2_2019_ROWS : SECTION2_2021_ROWS;
  const present = defs.filter((def) => def.key in section2);
  const items = [...new Set(present.map((def) => def.item))];
  const rows: Row[] = [];
  for (const item of items) {
    const inItem = present.filter((def) => def.item === item);
    const first = inItem[0];
    if (!first) continue;
    rows.push([label(`第二十条${item}`, { colspan: TABLE2_WIDTH })]);
    rows.push([
      label("信息内容"),
      ...spread(section2Columns(first), (text, colspan) => label(text, colspan ? { colspan } : {})),
    ]);
    for (const def of inItem) {
      rows.push([
        label(def.label),
        ...spread(section2Values(def, section2[def.key]), (value, colspan) =>
          figure(value, colspan ? { colspan } : {}),
        ),
      ]);
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Table 三: three label columns (group, subgroup, row) before the seven applicant columns.

const LABEL_COLUMNS = 3;

function table3Header(): Row[] {
  const legal = SECTION3_COLUMNS.filter((c) => "group" in c);
  const legalGroup = legal[0] && "group" in legal[0] ? legal[0].group : "";
  return [
    [
      label(SECTION3_CORNER_NOTE, { colspan: LABEL_COLUMNS, rowspan: 3 }),
      label("申请人情况", { colspan: SECTION3_COLUMNS.length }),
    ],
    [
      label(SECTION3_COLUMNS[0].label, { rowspan: 2 }),
      label(legalGroup, { colspan: legal.length }),
      label(SECTION3_COLUMNS[SECTION3_COLUMNS.length - 1]?.label ?? "", { rowspan: 2 }),
    ],
    legal.map((c) => label(c.label)),
  ];
}

/** How many label columns a row's own label spans: the levels of grouping it does not use. */
function depth(group: Section3RowGroup | undefined): number {
  return group === undefined ? 0 : group.parent === undefined ? 1 : 2;
}

export function table3Rows(expected: Record<string, unknown>): Row[] | null {
  const section3 = asRecord(expected.section3);
  if (!("rows" in section3)) return null;
  const values = asRecord(section3.rows);
  const template = expected.template as Template;
  const variant = section3Variant({ template, section3: { rows: values } });
  const defs = SECTION3_ROWS.filter(
    (def) => (!("variant" in def) || def.variant === variant) && def.key in values,
  );
  const countIn = (group: Section3RowGroup): number =>
    defs.filter((def) => {
      const own: Section3RowGroup | undefined = "group" in def ? def.group : undefined;
      return own === group || own?.parent === group;
    }).length;
  const opened = new Set<Section3RowGroup>();
  const rows: Row[] = table3Header();
  for (const def of defs) {
    const group: Section3RowGroup | undefined = "group" in def ? def.group : undefined;
    const row: Row = [];
    for (const level of [group?.parent, group]) {
      if (level === undefined || opened.has(level)) continue;
      opened.add(level);
      row.push(label(level.label, { rowspan: countIn(level) }));
    }
    const span = LABEL_COLUMNS - depth(group);
    row.push(label(def.label, span > 1 ? { colspan: span } : {}));
    const cells = values[def.key];
    const list = Array.isArray(cells) ? cells : [];
    SECTION3_COLUMNS.forEach((_, i) => row.push(figure(list[i])));
    rows.push(row);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Table 四: 行政复议 and the two kinds of 行政诉讼 side by side, one row of fifteen figures.

export function table4Rows(expected: Record<string, unknown>): Row[] | null {
  if (!("section4" in expected) || expected.section4 === null) return null;
  const section4 = asRecord(expected.section4);
  const width = SECTION4_COLUMNS.length;
  const [reconsideration, ...litigation] = SECTION4_GROUPS;
  const litigationLabel = litigation[0]?.parent.label ?? "";
  const columnLabels = (span: Pick<TableCell, "rowspan">): Row =>
    SECTION4_COLUMNS.map((c) => label(c.label, span));
  return [
    [
      label(reconsideration.label, { colspan: width }),
      label(litigationLabel, { colspan: width * litigation.length }),
    ],
    [...columnLabels({ rowspan: 2 }), ...litigation.map((g) => label(g.label, { colspan: width }))],
    litigation.flatMap(() => columnLabels({})),
    SECTION4_GROUPS.flatMap((g) => {
      const cells = section4[g.key];
      const list = Array.isArray(cells) ? cells : [];
      return SECTION4_COLUMNS.map((_, i) => figure(list[i]));
    }),
  ];
}
