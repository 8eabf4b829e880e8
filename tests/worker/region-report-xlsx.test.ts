import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { OTHER_PROCESSING_TOTAL } from "../../worker/export/region-report-workbook";
import {
  SECTION3_COLUMNS,
  SECTION3_CORNER_NOTE,
  SECTION3_ROWS,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
  section2Rows,
  section3RowFullLabel,
  section4GroupFullLabel,
} from "../../worker/report/templates";
import { readWorkbook, type SheetCell } from "../reference/read-exports";
import { admin, createAgency, publish, request, requestJson, saveDocument } from "./api";
import { validDocument } from "./builders";

const YEAR = 2023;

/** The cells after the label of the row labelled `label` in column A. */
function rowOf(sheet: SheetCell[][], label: string): SheetCell[] {
  const row = sheet.find((r) => r[0] === label);
  if (!row) throw new Error(`no row ${label}`);
  return row.slice(1);
}

/** Rows as the reader gives them: every row as wide as the widest, blank cells null. */
function rectangle(rows: SheetCell[][]): SheetCell[][] {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
}

let world: {
  gov: { id: number };
  a: { id: number; name: string };
  b: { id: number; name: string };
};

beforeAll(async () => {
  const code = "960300";
  const gov = await createAgency({
    name: "示例丙市人民政府",
    level: "city",
    kind: "government",
    scope: "region",
    region_code: code,
  });
  const a = await createAgency({ level: "city", parent_id: gov.id, region_code: code });
  const b = await createAgency({ level: "city", parent_id: gov.id, region_code: code });
  for (const agency of [a, b]) {
    const saved = await saveDocument(agency.id, validDocument(YEAR));
    expect(saved.status).toBe(201);
    await publish(agency.id, YEAR, 1);
  }
  world = { gov, a, b };
});

async function download() {
  const response = await request(
    `/api/region-report?year=${YEAR}&under=${world.gov.id}&format=xlsx`,
    { as: await admin() },
  );
  expect(response.status).toBe(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const sheets = await readWorkbook(bytes);
  const sheet = (name: string) => {
    const rows = sheets.get(name);
    if (!rows) throw new Error(`no sheet ${name} in the workbook`);
    return rows;
  };
  return { response, files: unzipSync(bytes), sheets, sheet };
}

/** The region report's JSON answer, as the same signed-in administrator reads it. */
async function answer() {
  const response = await requestJson(`/api/region-report?year=${YEAR}&under=${world.gov.id}`, {
    as: await admin(),
  });
  expect(response.status).toBe(200);
  return response;
}

describe("region report as XLSX", () => {
  it("downloads one workbook named for the year, with the five sheets in order", async () => {
    const { response, files, sheets } = await download();
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(response.headers.get("content-disposition")).toContain(
      `filename="region-report-${YEAR}.xlsx"`,
    );
    expect([...sheets.keys()]).toEqual(["说明", "表二", "表三", "表四", "机构清单"]);
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        "[Content_Types].xml",
        "_rels/.rels",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/worksheets/sheet5.xml",
      ]),
    );
  });

  it("holds table 三 with the official labels and the JSON answer's sums, cell for cell", async () => {
    const json = (await answer()).body;
    const { sheet } = await download();
    const table = sheet("表三");

    const organisations = SECTION3_COLUMNS.slice(1, 6).map((c) => c.label);
    const rows: SheetCell[][] = [];
    for (const row of SECTION3_ROWS) {
      if (row.key === "total_processed")
        rows.push([OTHER_PROCESSING_TOTAL.label, ...json.section3.other_processing_total]);
      // A row no included report fills (（六） of the 2019 layout here) stays, blank.
      rows.push([section3RowFullLabel(row.key).label, ...(json.section3.rows[row.key] ?? [])]);
    }
    expect(table).toEqual(
      rectangle([
        [SECTION3_CORNER_NOTE, "申请人情况"],
        [null, "自然人", "法人或其他组织", null, null, null, null, "总计"],
        [null, null, ...organisations],
        ...rows,
      ]),
    );
    expect(organisations).toEqual(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]);
    expect(table[0]!.length).toBe(1 + SECTION3_COLUMNS.length);
    expect(table.length).toBe(3 + SECTION3_ROWS.length + 1);

    const received = rowOf(table, "一、本年新收政府信息公开申请数量");
    expect(received[6]).toBe(190);
    expect(received).toEqual(json.section3.rows.new_received);
  });

  it("holds table 二 as the JSON answer has it, cell for cell, stocks in force not summed", async () => {
    const json = (await answer()).body;
    const { sheet } = await download();
    const table2 = sheet("表二");

    const defs = section2Rows("2021");
    const rows: SheetCell[][] = [];
    let item: string | undefined;
    for (const def of defs) {
      const columns = def.shape === "scalar" ? [def.column] : def.columns;
      if (def.item !== item) {
        item = def.item;
        rows.push([`第二十条${def.item}`], ["信息内容", ...columns.map((c) => c.label)]);
      }
      rows.push([
        def.label,
        ...(def.shape === "scalar"
          ? [json.section2[`section2.${def.key}`]]
          : def.columns.map((c) =>
              c.key === "valid" ? "不汇总" : json.section2[`section2.${def.key}.${c.key}`],
            )),
      ]);
    }
    expect(table2).toEqual(rectangle(rows));

    expect(table2[0]![0]).toBe("第二十条第（一）项");
    expect(table2[1]).toEqual(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]);
    // Made and repealed add up; the stock in force is not summed (the same 规章 is in many reports).
    expect(rowOf(table2, "行政规范性文件")).toEqual([56, 236, "不汇总"]);
    expect(json.section2["section2.normative_documents.valid"]).toBeNull();
    expect(json.section2_not_summed.figures).toContain("section2.normative_documents.valid");
    expect(rowOf(table2, "行政事业性收费")[0]).toBe(json.section2["section2.fees_wan_yuan"]);
    expect(json.section2["section2.fees_wan_yuan"]).not.toBeNull();
  });

  it("holds table 四, the ledger and the notes as the JSON answer has them, cell for cell", async () => {
    const json = (await answer()).body;
    const { sheet } = await download();

    expect(sheet("表四")).toEqual([
      [null, ...SECTION4_COLUMNS.map((c) => c.label)],
      ...SECTION4_GROUPS.map((group) => [
        section4GroupFullLabel(group.key).label,
        ...json.section4[group.key],
      ]),
    ]);
    expect(SECTION4_COLUMNS.map((c) => c.label)).toEqual([
      "结果维持",
      "结果纠正",
      "其他结果",
      "尚未审结",
      "总计",
    ]);

    const ledger = sheet("机构清单");
    // Every code stands beside its words: a spreadsheet reads in Chinese, a program joins on codes.
    expect(ledger[0]).toEqual([
      "机构编号",
      "机构名称",
      "层级代码",
      "层级",
      "类型代码",
      "类型",
      "范围代码",
      "范围",
      "行政区划代码",
      "汇总情况代码",
      "汇总情况",
      "报告状态代码",
      "报告状态",
      "格式代码",
      "格式",
    ]);
    const byId = (a: SheetCell[], b: SheetCell[]) => Number(a[0]) - Number(b[0]);
    expect(ledger.slice(1).sort(byId)).toEqual(
      [world.a, world.b]
        .map((agency) => [
          agency.id,
          agency.name,
          "city",
          "市级",
          "department",
          "部门",
          "self",
          "本机关",
          "960300",
          "included",
          "已纳入",
          "approved",
          "已发布",
          "2021",
          "2021 年格式",
        ])
        .sort(byId),
    );
    expect(json.ledger_total).toBe(2);

    // Neither report leaves a 总计 blank or breaks a rule, and the region's government has no
    // report of its own: the notes have no rows for any of these.
    expect(json.section3.derived_totals).toEqual({});
    expect(json.own_report).toBeNull();
    const title = `示例丙市 ${YEAR} 年度政府信息公开工作年度报告汇总`;
    expect(sheet("说明")).toEqual(
      rectangle([
        [title],
        ["汇总 2 / 2 个机构已发布的报告"],
        ["项目", "值", "说明"],
        ["年度", YEAR, title],
        ["汇总范围", "本机关", "各机关本机关的年度报告（scope=self）"],
        ["数据口径", "已发布", "只汇总已发布（审核通过）的报告版本（basis=published）"],
        ["已纳入机构数", json.counts.included, "报告已发布、计入各表合计"],
        ["未发布机构数", json.counts.pending, "已填报但尚未发布，不计入合计"],
        ["未报送机构数", json.counts.missing, "尚无本年度报告"],
        ["表二现行有效件数", "不汇总", json.section2_not_summed.reason],
        ["汇总表核对", 0, "汇总后的表格符合各项勾稽关系"],
        ["2021 年格式报告数", 2, "表二按 2021 年格式汇总，只含这些报告"],
        ["2019 年格式报告数", 0, "试行格式的（六）其他处理只有一行，计入表三“（六）其他处理”行"],
      ]),
    );
    expect(json.counts.included).toBe(2);
  });

  it("refuses a format it does not know", async () => {
    const response = await requestJson(
      `/api/region-report?year=${YEAR}&under=${world.gov.id}&format=pdf`,
      { as: await admin() },
    );
    expect(response.status).toBe(400);
  });
});
