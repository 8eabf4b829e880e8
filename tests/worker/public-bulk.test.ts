import { createExecutionContext, env } from "cloudflare:test";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../worker/app-env";
import { createDatabase } from "../../worker/db/client";
import { FIGURE_LAYOUT, readBulkPage } from "../../worker/db/queries/bulk";
import { ApiError } from "../../worker/http/errors";
import { database } from "../../worker/middleware/database";
import { LICENCE } from "../../worker/public/licence";
import type { ReportDocument } from "../../worker/report/document";
import { flattenFigures, listFigures } from "../../worker/report/figures";
import { BULK_HEADER, createPublicBulkRoutes } from "../../worker/routes/public-bulk";
import { createAgency, publish, saveDocument } from "./api";
import { fixture05, validDocument } from "./builders";

/** The routes as the app will mount them, with the app's error answer. */
function bulkApp(pageSize?: number) {
  const app = new Hono<AppEnv>()
    .use(database)
    .route("/api/public/bulk", createPublicBulkRoutes({ pageSize }));
  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.toBody(), error.status);
    throw error;
  });
  return app;
}

function get(path: string, pageSize?: number) {
  return bulkApp(pageSize).request(
    `http://localhost/api/public/bulk${path}`,
    {},
    env,
    createExecutionContext(),
  );
}

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      field = "";
      record = [];
      i++;
    } else field += ch;
  }
  if (field || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** The data lines of a bulk CSV as objects keyed by the header, after the comment lines. */
async function readBulkCsv(response: Response) {
  const text = await response.text();
  const records = parseCsv(text);
  const comments = records.filter((r) => r[0]!.startsWith("#"));
  const [header, ...lines] = records.filter((r) => !r[0]!.startsWith("#"));
  return {
    text,
    comments,
    header: header!,
    rows: lines.map((line) => Object.fromEntries(header!.map((name, i) => [name, line[i]!]))),
  };
}

const keyOf = (row: Record<string, string>) =>
  [row.table, row.row, row.column].filter(Boolean).join(".");

const agencyRows = (rows: Record<string, string>[], agencyId: number) =>
  rows.filter((row) => row.agency_id === String(agencyId));

/** What the CSV should say of a document: every figure it holds, blanks as "", in order. */
const expectedFigures = (doc: ReportDocument) =>
  [...flattenFigures(doc)].map(([key, value]) => [key, value === null ? "" : String(value)]);

async function publishedAgency(doc: ReportDocument, overrides: Record<string, unknown> = {}) {
  const agency = await createAgency(overrides);
  const saved = await saveDocument(agency.id, doc);
  if (saved.status !== 201) throw new Error(`save: ${saved.status} ${JSON.stringify(saved.body)}`);
  await publish(agency.id, doc.year, 1);
  return agency;
}

describe("bulk figure layout", () => {
  it("lists the same figure keys, in the same order, as the report model", () => {
    for (const template of ["2021", "2019"] as const) {
      expect(FIGURE_LAYOUT[template].map((slot) => slot.key)).toEqual(
        listFigures(template).map((figure) => figure.key),
      );
    }
  });
});

describe("bulk CSV", () => {
  it("opens with the licence as comment lines, then the header, and names the licence in a Link header", async () => {
    await publishedAgency(validDocument(2010));
    const response = await get("/2010.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain('filename="nianbao-2010.csv"');
    expect(response.headers.get("link")).toBe(`<${LICENCE.url}>; rel="license"`);

    const text = await response.text();
    const [first, second, header] = text.split("\r\n");
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(first).toBe(`# ${LICENCE.statement}`);
    expect(second).toBe(`# ${LICENCE.statementEn}`);
    expect(header).toBe(
      "agency_id,agency_name,region_code,level,kind,scope,year,template,table,table_label,row,row_label,column,column_label,unit,value",
    );
    expect(header).toBe(BULK_HEADER.join(","));
    expect(text.endsWith("\r\n")).toBe(true);
  });

  it("writes one line per figure of a published report, with the official labels", async () => {
    const doc = validDocument(2011, (d) => (d.metrics!.website_visits = 5_820_000));
    const agency = await publishedAgency(doc, { region_code: "980101", level: "city" });
    const { rows } = await readBulkCsv(await get("/2011.csv"));
    const own = agencyRows(rows, agency.id);

    expect(own.map((row) => [keyOf(row), row.value])).toEqual(expectedFigures(doc));
    expect(own.length).toBeGreaterThan(200);
    expect(own[0]).toMatchObject({
      agency_name: agency.name,
      region_code: "980101",
      level: "city",
      kind: "department",
      scope: "self",
      year: "2011",
      template: "2021",
    });
    const find = (key: string) => own.find((row) => keyOf(row) === key);
    expect(find("section3.new_received.total")).toMatchObject({
      table: "section3",
      table_label: "表三",
      row: "new_received",
      row_label: "一、本年新收政府信息公开申请数量",
      column: "total",
      column_label: "总计",
      unit: "件",
      value: "95",
    });
    expect(find("section3.denied_state_secret.natural_person")).toMatchObject({
      row_label: "（三）不予公开 1.属于国家秘密",
      column_label: "自然人",
    });
    expect(find("section2.normative_documents.made")).toMatchObject({
      table_label: "表二",
      row_label: "行政规范性文件",
      column_label: "本年制发件数",
      value: String(flattenFigures(doc).get("section2.normative_documents.made")),
    });
    expect(find("section2.fees_wan_yuan")).toMatchObject({
      column: "",
      column_label: "本年收费金额（单位：万元）",
      unit: "万元",
      value: String(flattenFigures(doc).get("section2.fees_wan_yuan")),
    });
    expect(find("section4.litigation_direct.corrected")).toMatchObject({
      table_label: "表四",
      row_label: "行政诉讼 未经复议直接起诉",
      column_label: "结果纠正",
    });
    expect(find("metrics.website_visits")).toMatchObject({
      table: "metrics",
      table_label: "其他指标",
      row_label: "网站访问量",
      column: "",
      unit: "次",
      value: "5820000",
    });
  });

  it("writes a 2019-format report with the trial format's table 二", async () => {
    const doc = { ...fixture05(), year: 2017 };
    delete (doc as { agency?: string }).agency;
    const agency = await publishedAgency(doc);
    const { rows } = await readBulkCsv(await get("/2017.csv"));
    const own = agencyRows(rows, agency.id);
    expect(own.map((row) => [keyOf(row), row.value])).toEqual(expectedFigures(doc));
    expect(new Set(own.map((row) => row.template))).toEqual(new Set(["2019"]));
    expect(
      own.find((row) => keyOf(row) === "section2.centralized_procurement.amount_yuan"),
    ).toMatchObject({
      row_label: "政府集中采购",
      column_label: "采购总金额",
      unit: "元",
    });
  });

  it("never shows a draft, nor a correction that is not yet approved", async () => {
    const visits = (n: number) => validDocument(2012, (d) => (d.metrics!.website_visits = n));
    const corrected = await publishedAgency(visits(100));
    const correction = await saveDocument(corrected.id, visits(999), 1, { note: "更正访问量" });
    expect(correction.status).toBe(200);
    const drafting = await createAgency();
    await saveDocument(drafting.id, visits(555));

    const { rows } = await readBulkCsv(await get("/2012.csv"));
    expect(agencyRows(rows, drafting.id)).toEqual([]);
    const own = agencyRows(rows, corrected.id);
    expect(own.find((row) => row.row === "website_visits")?.value).toBe("100");
    expect(own.map((row) => [keyOf(row), row.value])).toEqual(expectedFigures(visits(100)));
  });

  it("writes a figure the report left blank with an empty value", async () => {
    const doc = validDocument(2013, (d) => {
      d.metrics!.website_visits = null;
      (d.section2 as { licensing_decisions: number | null }).licensing_decisions = null;
    });
    const agency = await publishedAgency(doc);
    const { text, rows } = await readBulkCsv(await get("/2013.csv"));
    const own = agencyRows(rows, agency.id);
    expect(own.find((row) => keyOf(row) === "metrics.website_visits")?.value).toBe("");
    expect(own.find((row) => keyOf(row) === "section2.licensing_decisions")?.value).toBe("");
    expect(text).toMatch(/,metrics,其他指标,website_visits,网站访问量,,,次,\r\n/);
  });

  it("reads page after page and writes every report once, in agency order", async () => {
    const docs = [11, 12, 13, 14, 15].map((n) =>
      validDocument(2014, (d) => (d.metrics!.website_visits = n)),
    );
    const agencies = [];
    for (const doc of docs) agencies.push(await publishedAgency(doc));
    // A draft between them changes nothing: pages count published reports only.
    await saveDocument((await createAgency()).id, validDocument(2014));

    const { rows } = await readBulkCsv(await get("/2014.csv", 2));
    const order = [...new Set(rows.map((row) => Number(row.agency_id)))];
    expect(order).toEqual(agencies.map((a) => a.id));
    agencies.forEach((agency, i) =>
      expect(agencyRows(rows, agency.id).map((row) => [keyOf(row), row.value])).toEqual(
        expectedFigures(docs[i]!),
      ),
    );

    const db = createDatabase(env.DB);
    const pages = [];
    let after: number | null = 0;
    while (after !== null) {
      const page = await readBulkPage(db, { year: 2014, after, limit: 2 });
      pages.push(page.reports.map((r) => r.agencyId));
      after = page.next;
    }
    const ids = agencies.map((a) => a.id);
    expect(pages).toEqual([ids.slice(0, 2), ids.slice(2, 4), ids.slice(4)]);
  });

  it("answers 404 for a year without a published report", async () => {
    await saveDocument((await createAgency()).id, validDocument(2015));
    for (const path of ["/2015.csv", "/2015/datapackage.json", "/2009.csv"]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(((await response.json()) as any).error.code).toBe("not_found");
    }
  });

  it("answers 400 for a year that is not one", async () => {
    for (const path of [
      "/abcd.csv",
      "/abcd/datapackage.json",
      "/1800.csv",
      "/2007.csv",
      "/2099.csv",
      "/20245.csv",
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      const body = (await response.json()) as any;
      expect(body.error.code).toBe("validation_failed");
      expect(body.error.issues[0].path).toBe("year");
    }
  });
});

describe("bulk datapackage.json", () => {
  it("describes the CSV: its fields in header order, its dialect, the licence and the version", async () => {
    const agency = await publishedAgency(validDocument(2016));
    const second = await publishedAgency(validDocument(2016));
    const response = await get("/2016/datapackage.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("link")).toBe(`<${LICENCE.url}>; rel="license"`);
    const pkg = (await response.json()) as any;

    expect(pkg.profile).toBe("tabular-data-package");
    expect(pkg.name).toBe("nianbao-2016");
    expect(pkg.licenses).toEqual([{ name: "CC-BY-4.0", path: LICENCE.url, title: LICENCE.title }]);
    const newest = await env.DB.prepare(
      `SELECT p.id, p.published_at FROM publications p JOIN reports r ON r.id = p.report_id
       WHERE r.agency_id = ? AND r.year = 2016`,
    )
      .bind(second.id)
      .first<{ id: number; published_at: string }>();
    expect(pkg.version).toBe(String(newest!.id));
    expect(pkg.created).toBe(newest!.published_at);

    const [resource] = pkg.resources;
    expect(pkg.resources).toHaveLength(1);
    expect(resource).toMatchObject({
      name: "nianbao-2016",
      path: "http://localhost/api/public/bulk/2016.csv",
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      dialect: { delimiter: ",", header: true, commentChar: "#" },
    });
    expect(resource.bytes).toBeUndefined();
    expect(resource.schema.primaryKey).toEqual(["agency_id", "year", "table", "row", "column"]);
    for (const field of resource.schema.fields) {
      expect(["integer", "number", "string"]).toContain(field.type);
      expect(field.description, field.name).toMatch(/[\u4e00-\u9fff]/);
      expect(field.description, field.name).toMatch(/[A-Za-z]{3}/);
    }

    const csv = await readBulkCsv(await get("/2016.csv"));
    expect(resource.schema.fields.map((f: { name: string }) => f.name)).toEqual(csv.header);
    expect(csv.comments.map((c) => c.join(","))).toEqual([
      `# ${LICENCE.statement}`,
      `# ${LICENCE.statementEn}`,
    ]);
    const [typed] = csv.rows.filter((row) => row.agency_id === String(agency.id));
    for (const field of resource.schema.fields) {
      const value = typed![field.name]!;
      if (field.type === "integer") expect(value, field.name).toMatch(/^-?\d+$/);
      if (field.type === "number") expect(value, field.name).toMatch(/^(-?\d+(\.\d+)?)?$/);
    }
  });
});
