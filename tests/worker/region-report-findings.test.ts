import { beforeAll, describe, expect, it } from "vitest";
import type { ReportDocument } from "../../worker/report/document";
import { SECTION3_TOTAL_INDEX } from "../../worker/report/templates";
import { readCsv, readWorkbook } from "../reference/read-exports";
import { admin, createAgency, request, requestJson, saveDocument } from "./api";
import { validDocument } from "./builders";

const YEAR = 2023;

/** Publishes the report's first revision, explaining whatever hard rules it breaks. */
async function publishExplained(agencyId: number) {
  for (const [action, json] of [
    [
      "submit",
      {
        revision: 1,
        explanations: ["R1", "R2", "R3", "R4"].map((rule) => ({ rule, text: "原表如此，已核实" })),
      },
    ],
    ["approve", { revision: 1 }],
  ] as const) {
    const response = await requestJson(`/api/agencies/${agencyId}/reports/${YEAR}/${action}`, {
      method: "POST",
      as: await admin(),
      json,
    });
    if (response.status !== 200) throw new Error(`${action}: ${JSON.stringify(response.body)}`);
  }
}

/** 予以公开's 总计 one more than its applicant columns: breaks R1 on that row and R3 on 总计. */
const grantedTotalPlusOne = (d: ReportDocument) => {
  d.section3!.rows.granted![SECTION3_TOTAL_INDEX]! += 1;
};
/** 行政复议 总计 off by `by` from its parts: breaks R4. */
const reconsiderationTotal = (by: number) => (d: ReportDocument) => {
  d.section4!.reconsideration[4]! += by;
};

/**
 * 960400: four departments, published. A's 予以公开 total is one too many; C's and D's 行政复议
 * totals are off by +1 and −1, which cancel in the sum; B and the draft E are clean.
 */
let world: {
  gov: { id: number; name: string };
  a: { id: number; name: string };
  documents: ReportDocument[];
};

beforeAll(async () => {
  const code = "960400";
  const gov = await createAgency({
    name: "示例乙市人民政府",
    level: "city",
    kind: "government",
    scope: "region",
    region_code: code,
  });
  const dept = () => createAgency({ level: "city", parent_id: gov.id, region_code: code });
  const documents = [
    validDocument(YEAR, grantedTotalPlusOne),
    validDocument(YEAR),
    validDocument(YEAR, reconsiderationTotal(1)),
    validDocument(YEAR, reconsiderationTotal(-1)),
  ];
  const agencies = [];
  for (const doc of documents) {
    const agency = await dept();
    expect((await saveDocument(agency.id, doc)).status).toBe(201);
    await publishExplained(agency.id);
    agencies.push(agency);
  }
  const draft = await dept();
  await saveDocument(draft.id, validDocument(YEAR, grantedTotalPlusOne));
  world = { gov, a: agencies[0]!, documents };
});

/** The reference: the published documents' cells added up, read straight from the documents. */
function summedRow(rowOf: (doc: ReportDocument) => readonly (number | null)[]) {
  const rows = world.documents.map(rowOf);
  return rows[0]!.map((_, i) => rows.reduce((sum, row) => sum + (row[i] ?? 0), 0));
}

async function regionReport() {
  const response = await requestJson(`/api/region-report?year=${YEAR}&under=${world.gov.id}`, {
    as: await admin(),
  });
  expect(response.status).toBe(200);
  return response.body;
}

describe("the region report's own findings", () => {
  it("names the region and the agencies behind the sum", async () => {
    const body = await regionReport();
    expect(body.region).toEqual({ id: world.gov.id, name: "示例乙市人民政府" });
    expect(body.counts.included).toBe(4);
    expect(body.counts.pending).toBe(1);
  });

  it("breaks R1 and R3 where one summed report does, naming that report, with the figures of the summed documents", async () => {
    const body = await regionReport();
    const granted = summedRow((d) => d.section3!.rows.granted!);
    const applicants = granted.slice(0, SECTION3_TOTAL_INDEX).reduce((a, b) => a + b, 0);
    // The reference sum itself breaks R1 by the one A added.
    expect(granted[SECTION3_TOTAL_INDEX]).toBe(applicants + 1);

    const r1 = body.findings.find((f: { rule: string }) => f.rule === "R1");
    expect(r1).toMatchObject({
      severity: "error",
      table: "三",
      row: "granted",
      column: "total",
      expected: applicants,
      actual: granted[SECTION3_TOTAL_INDEX],
      sources: {
        same_place: true,
        total: 1,
        items: [{ agency_id: world.a.id, agency_name: world.a.name }],
      },
    });
    expect(r1.message).toContain(`各申请人列合计=${applicants}`);

    const r3 = body.findings.find((f: { rule: string }) => f.rule === "R3");
    expect(r3).toMatchObject({ row: "total_processed", column: "total" });
    expect(r3.sources.items).toEqual([{ agency_id: world.a.id, agency_name: world.a.name }]);
    // The draft breaks the same rules but is not summed, so it is not named.
    expect(body.findings.map((f: { rule: string }) => f.rule).sort()).toEqual(["R1", "R3"]);
  });

  it("holds the sum, not its reports, to the rules: errors that cancel out leave no finding", async () => {
    const body = await regionReport();
    const reconsideration = summedRow((d) => d.section4!.reconsideration);
    expect(reconsideration.slice(0, 4).reduce((a, b) => a + b, 0)).toBe(reconsideration[4]);
    expect(body.section4.reconsideration).toEqual(reconsideration);
    expect(body.findings.some((f: { rule: string }) => f.rule === "R4")).toBe(false);
  });

  it("finds nothing in a sum whose reports all keep the rules", async () => {
    const code = "960500";
    const gov = await createAgency({
      level: "city",
      kind: "government",
      scope: "region",
      region_code: code,
    });
    const clean = await createAgency({ level: "city", parent_id: gov.id, region_code: code });
    await saveDocument(clean.id, validDocument(YEAR));
    await publishExplained(clean.id);
    const response = await requestJson(`/api/region-report?year=${YEAR}&under=${gov.id}`, {
      as: await admin(),
    });
    expect(response.body.counts.included).toBe(1);
    expect(response.body.findings).toEqual([]);
  });
});

describe("the region report's downloads say its findings and codes in words", () => {
  it("titles the workbook's 说明 as a sum with its coverage, and lists each finding with its reports", async () => {
    const json = await regionReport();
    const response = await request(
      `/api/region-report?year=${YEAR}&under=${world.gov.id}&format=xlsx`,
      { as: await admin() },
    );
    const notes = (await readWorkbook(new Uint8Array(await response.arrayBuffer()))).get("说明")!;
    expect(notes[0]![0]).toBe(`示例乙市 ${YEAR} 年度政府信息公开工作年度报告汇总`);
    expect(notes[1]![0]).toBe("汇总 4 / 5 个机构已发布的报告");
    const at = notes.findIndex((row) => row[0] === "汇总表核对");
    expect(notes[at]!.slice(0, 2)).toEqual(["汇总表核对", 2]);
    const r1 = json.findings.find((f: { rule: string }) => f.rule === "R1");
    expect(notes.slice(at + 1, at + 3).map((row) => row[0])).toEqual(["错误", "错误"]);
    expect(notes[at + 1]).toEqual([
      "错误",
      r1.message,
      `来自${world.a.name}的报告（在同一处违反同一规则）`,
    ]);
    // No rule id reaches the sheet.
    expect(JSON.stringify(notes)).not.toMatch(/\bR[1-5]\b/);
  });

  it("puts the Chinese words beside each code of the ledger's CSV", async () => {
    const response = await request(
      `/api/region-report?year=${YEAR}&under=${world.gov.id}&format=csv&part=ledger`,
      { as: await admin() },
    );
    const { header, rows } = readCsv(await response.text());
    expect(header).toEqual([
      "agency_id",
      "agency_name",
      "level",
      "level_label",
      "kind",
      "kind_label",
      "scope",
      "scope_label",
      "region_code",
      "inclusion",
      "inclusion_label",
      "report_status",
      "report_status_label",
      "template",
      "template_label",
    ]);
    const column = (name: string) => header.indexOf(name);
    const pairs = new Set(
      rows.map((r) =>
        [
          r[column("inclusion")],
          r[column("inclusion_label")],
          r[column("report_status")],
          r[column("report_status_label")],
        ].join(","),
      ),
    );
    expect(pairs).toEqual(
      new Set(["included,已纳入,approved,已发布", "pending,未发布,draft,草稿"]),
    );
    const a = rows.find((r) => Number(r[0]) === world.a.id)!;
    expect([a[column("level_label")], a[column("kind_label")], a[column("scope_label")]]).toEqual([
      "市级",
      "部门",
      "本机关",
    ]);
  });
});
