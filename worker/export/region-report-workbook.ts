import type { RegionReport } from "../http/region-report-body";
import {
  SECTION3_COLUMNS,
  SECTION3_CORNER_NOTE,
  SECTION3_ROWS,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
  section2Rows,
  section3RowFullLabel,
  section4GroupFullLabel,
  type Section2RowDef,
} from "../report/templates";
import { figureDef } from "../report/figures";
import type { XlsxCell, XlsxMerge, XlsxSheet } from "./xlsx";

/** The （六） total of the region's table 三: the three split rows and the single-layout row. */
export const OTHER_PROCESSING_TOTAL = {
  key: "other_processing_total",
  label: "三、本年度办理结果 （六）其他处理（合计）",
};

/** What table 二 shows for a stock in force, which a sum would double count (说明 says why). */
const NOT_SUMMED = "不汇总";

/** The printed heading over table 三's columns (its three rows sit beside the corner formula). */
const APPLICANTS = "申请人情况";

const LEDGER_HEADER = [
  "机构编号",
  "机构名称",
  "层级",
  "类型",
  "范围",
  "行政区划代码",
  "汇总情况",
  "报告状态",
  "模板",
];

/**
 * The region's report as workbook sheets: 说明, then tables 二, 三 and 四 laid out as printed,
 * with the labels of the CSV export, then the ledger of agencies.
 */
export function regionReportSheets(body: RegionReport): XlsxSheet[] {
  return [
    notesSheet(body),
    section2Sheet(body),
    section3Sheet(body),
    section4Sheet(body),
    ledger(body),
  ];
}

function notesSheet(body: RegionReport): XlsxSheet {
  return {
    name: "说明",
    rows: [
      ["项目", "值", "说明"],
      ["年度", body.year, `${body.year} 年度政府信息公开工作年度报告汇总`],
      [
        "汇总范围",
        body.scope,
        body.scope === "self" ? "各机关本机关的年度报告" : "各政府全地区的年度报告",
      ],
      ["数据口径", body.basis, "只汇总已发布（审核通过）的报告版本"],
      ["已纳入机构数", body.counts.included, "报告已发布、计入各表合计"],
      ...(body.scope === "region"
        ? [
            ["已含于上级报告", body.counts.contained, "上级政府的全地区报告已包含，不重复计入"],
            [
              "由下级报告代替",
              body.counts.covered_by_parts,
              "本级报告未发布，由其下级的全地区报告计入",
            ],
          ]
        : []),
      ["未发布机构数", body.counts.pending, "已填报但尚未发布，不计入合计"],
      ["未报送机构数", body.counts.missing, "尚无本年度报告"],
      ["表二现行有效件数", NOT_SUMMED, body.section2_not_summed.reason],
      ...Object.entries(body.section3.derived_totals).map(([row, count]) => [
        `表三“${section3RowFullLabel(row as never).label}”总计`,
        count,
        "份报告未填总计，按六类申请人之和计入",
      ]),
      ...(body.own_report
        ? [
            [
              "本级自报与汇总核对",
              body.own_report.parts_reports,
              "所含报告份数（各部门本机关报告及下级全地区报告）",
            ],
            ...body.own_report.figures.map((row) => [
              `${figureDef(row.figure).label}`,
              row.own,
              row.large ? row.message! : `所含报告汇总 ${row.parts ?? "—"}`,
            ]),
          ]
        : []),
      ["2021 年格式报告数", body.templates["2021"] ?? 0, "表二按 2021 年格式汇总，只含这些报告"],
      [
        "2019 年格式报告数",
        body.templates["2019"] ?? 0,
        "试行格式的（六）其他处理只有一行，计入表三“（六）其他处理”行",
      ],
    ],
    boldRows: [0],
    frozenRows: 1,
  };
}

/**
 * Table 二 as printed: each item of Art. 20 (第二十条第（一）项 …) is a heading row, then
 * 信息内容 and that item's columns, then its rows; a row with fewer columns than the widest
 * stretches its last cell.
 */
function section2Sheet(body: RegionReport): XlsxSheet {
  const defs = section2Rows("2021");
  const width = Math.max(...defs.map((d) => (d.shape === "scalar" ? 1 : d.columns.length)));
  const rows: XlsxCell[][] = [];
  const boldRows: number[] = [];
  const merges: XlsxMerge[] = [];
  const stretch = (count: number) => {
    if (count < width) merges.push({ row: rows.length, column: count, colSpan: width - count + 1 });
  };
  let item: string | undefined;
  for (const def of defs) {
    const columns = def.shape === "scalar" ? [def.column] : def.columns;
    if (def.item !== item) {
      item = def.item;
      boldRows.push(rows.length, rows.length + 1);
      merges.push({ row: rows.length, column: 0, colSpan: width + 1 });
      rows.push([`第二十条${def.item}`]);
      stretch(columns.length);
      rows.push(["信息内容", ...columns.map((c) => c.label)]);
    }
    stretch(columns.length);
    rows.push([def.label, ...section2Values(body, def)]);
  }
  return { name: "表二", rows, boldRows, merges };
}

function section2Values(body: RegionReport, def: Section2RowDef): XlsxCell[] {
  if (def.shape === "scalar") return [body.section2[`section2.${def.key}`] ?? null];
  return def.columns.map((c) => {
    const key = `section2.${def.key}.${c.key}`;
    return body.section2_not_summed.figures.includes(key)
      ? NOT_SUMMED
      : (body.section2[key] ?? null);
  });
}

/**
 * Table 三 under its printed header (申请人情况 → 自然人 | 法人或其他组织 (five columns) | 总计),
 * with every row of both layouts of （六） and their total just before （七）总计.
 */
function section3Sheet(body: RegionReport): XlsxSheet {
  const organisations = SECTION3_COLUMNS.filter((c) => "group" in c);
  const last = SECTION3_COLUMNS.length;
  const header: XlsxCell[][] = [
    [SECTION3_CORNER_NOTE, APPLICANTS],
    [
      null,
      SECTION3_COLUMNS[0].label,
      organisations[0]!.group,
      ...organisations.slice(1).map(() => null),
      SECTION3_COLUMNS[6].label,
    ],
    [null, null, ...organisations.map((c) => c.label)],
  ];
  const rows: XlsxCell[][] = [];
  for (const row of SECTION3_ROWS) {
    if (row.key === "total_processed")
      rows.push([OTHER_PROCESSING_TOTAL.label, ...body.section3.other_processing_total]);
    const cells = body.section3.rows[row.key];
    rows.push([
      section3RowFullLabel(row.key).label,
      ...SECTION3_COLUMNS.map((_, i) => cells?.[i] ?? null),
    ]);
  }
  return {
    name: "表三",
    rows: [...header, ...rows],
    boldRows: [0, 1, 2],
    frozenRows: header.length,
    merges: [
      { row: 0, column: 0, rowSpan: 3 },
      { row: 0, column: 1, colSpan: last },
      { row: 1, column: 1, rowSpan: 2 },
      { row: 1, column: 2, colSpan: organisations.length },
      { row: 1, column: last, rowSpan: 2 },
    ],
  };
}

/** Table 四 with one row per group (行政复议, 行政诉讼 …) and the five printed columns. */
function section4Sheet(body: RegionReport): XlsxSheet {
  return {
    name: "表四",
    rows: [
      [null, ...SECTION4_COLUMNS.map((c) => c.label)],
      ...SECTION4_GROUPS.map((group) => [
        section4GroupFullLabel(group.key).label,
        ...SECTION4_COLUMNS.map((_, i) => body.section4[group.key]?.[i] ?? null),
      ]),
    ],
    boldRows: [0],
    frozenRows: 1,
  };
}

function ledger(body: RegionReport): XlsxSheet {
  return {
    name: "机构清单",
    rows: [LEDGER_HEADER, ...body.ledger.map(ledgerRow)],
    boldRows: [0],
    frozenRows: 1,
  };
}

/** One agency of the ledger as a row, in the column order of the CSV and the workbook. */
export const ledgerRow = (a: RegionReport["ledger"][number]) => [
  a.id,
  a.name,
  a.level,
  a.kind,
  a.scope,
  a.region_code,
  a.inclusion,
  a.report_status,
  a.template,
];
