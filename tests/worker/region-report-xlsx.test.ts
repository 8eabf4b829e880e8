import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { OTHER_PROCESSING_TOTAL } from "../../worker/export/region-report-workbook";
import {
  SECTION3_COLUMNS,
  SECTION3_ROWS,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
  section3RowFullLabel,
  section4GroupFullLabel,
} from "../../worker/report/templates";
import { admin, createAgency, publish, request, requestJson, saveDocument } from "./api";
import { validDocument } from "./builders";

const YEAR = 2023;

type Cell = string | number | null;

/** A worksheet's cells as rows of values (blank cells null), read back from its XML. */
function readSheet(xml: string): Cell[][] {
  const rows: Cell[][] = [];
  for (const [, row, body] of xml.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)) {
    const cells: Cell[] = [];
    for (const [, column, attrs, inner = ""] of body!.matchAll(
      /<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>(.*?)<\/c>)/g,
    )) {
      const index = [...column!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const text = /<t[^>]*>(.*?)<\/t>/.exec(inner)?.[1];
      const number = /<v>(.*?)<\/v>/.exec(inner)?.[1];
      cells[index] = attrs!.includes('t="inlineStr"')
        ? unescape(text ?? "")
        : number !== undefined
          ? Number(number)
          : null;
    }
    rows[Number(row) - 1] = Array.from(cells, (c) => c ?? null);
  }
  return Array.from(rows, (r) => r ?? []);
}

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The cells after the label of the row labelled `label` in column A. */
function rowOf(sheet: Cell[][], label: string): Cell[] {
  const row = sheet.find((r) => r[0] === label);
  if (!row) throw new Error(`no row ${label}`);
  return row.slice(1);
}

/** Pads a row read back from XML (trailing blanks are not written) to `width` cells. */
const padded = (cells: Cell[], width: number) =>
  Array.from({ length: width }, (_, i) => cells[i] ?? null);

let world: {
  gov: { id: number };
  a: { id: number; name: string };
  b: { id: number; name: string };
};

beforeAll(async () => {
  const code = "960300";
  const gov = await createAgency({
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
  const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
  const text = (path: string) => {
    const file = files[path];
    if (!file) throw new Error(`no ${path} in the workbook`);
    return strFromU8(file);
  };
  const names = [...text("xl/workbook.xml").matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]!);
  const sheet = (name: string) =>
    readSheet(text(`xl/worksheets/sheet${names.indexOf(name) + 1}.xml`));
  return { response, files, names, sheet };
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
    const { response, files, names } = await download();
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(response.headers.get("content-disposition")).toContain(
      `filename="region-report-${YEAR}.xlsx"`,
    );
    expect(names).toEqual(["说明", "表二", "表三", "表四", "机构清单"]);
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

  it("holds table 三 with the official labels and the JSON answer's sums", async () => {
    const json = await answer();
    const { sheet } = await download();
    const table = sheet("表三");
    expect(table[0]).toContain("申请人情况");
    expect(table[1]).toEqual(expect.arrayContaining(["自然人", "法人或其他组织", "总计"]));
    expect(table[2]!.slice(2)).toEqual(SECTION3_COLUMNS.slice(1, 6).map((c) => c.label));

    const received = rowOf(table, "一、本年新收政府信息公开申请数量");
    expect(received[6]).toBe(190);
    expect(received).toEqual(json.body.section3.rows.new_received);
    for (const row of SECTION3_ROWS) {
      const label = section3RowFullLabel(row.key).label;
      // A row no included report fills (（六） of the 2019 layout here) stays, blank.
      const sums = json.body.section3.rows[row.key] ?? Array(7).fill(null);
      expect(padded(rowOf(table, label), 7), label).toEqual(sums);
    }
    expect(padded(rowOf(table, OTHER_PROCESSING_TOTAL.label), 7)).toEqual(
      json.body.section3.other_processing_total,
    );
    expect(table.length).toBe(3 + SECTION3_ROWS.length + 1);
  });

  it("holds tables 二 and 四 and the ledger as the JSON answer has them", async () => {
    const json = (await answer()).body;
    const { sheet } = await download();

    const table2 = sheet("表二");
    expect(table2[0]![0]).toBe("第二十条第（一）项");
    expect(table2[1]).toEqual(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]);
    expect(rowOf(table2, "行政规范性文件")).toEqual([
      json.section2["section2.normative_documents.made"],
      json.section2["section2.normative_documents.repealed"],
      "不汇总",
    ]);
    // Made and repealed add up; the stock in force is not summed (the same 规章 is in many reports).
    expect(rowOf(table2, "行政规范性文件")).toEqual([56, 236, "不汇总"]);
    expect(json.section2["section2.normative_documents.valid"]).toBeNull();
    expect(rowOf(table2, "行政事业性收费")[0]).toBe(json.section2["section2.fees_wan_yuan"]);

    const table4 = sheet("表四");
    expect(table4[0]).toEqual([null, ...SECTION4_COLUMNS.map((c) => c.label)]);
    for (const group of SECTION4_GROUPS) {
      const label = section4GroupFullLabel(group.key).label;
      expect(rowOf(table4, label), label).toEqual(json.section4[group.key]);
    }

    const ledger = sheet("机构清单");
    expect(ledger[0]).toEqual([
      "机构编号",
      "机构名称",
      "层级",
      "类型",
      "范围",
      "行政区划代码",
      "汇总情况",
      "报告状态",
      "模板",
    ]);
    expect(ledger.slice(1)).toEqual(
      expect.arrayContaining([
        [
          world.a.id,
          world.a.name,
          "city",
          "department",
          "self",
          "960300",
          "included",
          "approved",
          "2021",
        ],
        [
          world.b.id,
          world.b.name,
          "city",
          "department",
          "self",
          "960300",
          "included",
          "approved",
          "2021",
        ],
      ]),
    );
    expect(json.ledger_total).toBe(2);
    expect(ledger.length).toBe(1 + json.ledger_total);

    const notes = sheet("说明");
    expect(rowOf(notes, "年度")[0]).toBe(YEAR);
    expect(rowOf(notes, "汇总范围")[0]).toBe("self");
    expect(rowOf(notes, "数据口径")[0]).toBe("published");
    expect(rowOf(notes, "已纳入机构数")[0]).toBe(json.counts.included);
    expect(rowOf(notes, "未发布机构数")[0]).toBe(json.counts.pending);
    expect(rowOf(notes, "未报送机构数")[0]).toBe(json.counts.missing);
    expect(rowOf(notes, "2021 年格式报告数")[0]).toBe(2);
    expect(rowOf(notes, "2019 年格式报告数")[0]).toBe(0);
  });

  it("refuses a format it does not know", async () => {
    const response = await requestJson(
      `/api/region-report?year=${YEAR}&under=${world.gov.id}&format=pdf`,
      { as: await admin() },
    );
    expect(response.status).toBe(400);
  });
});
