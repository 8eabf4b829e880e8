import { readFileSync, readdirSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import { TrieRouter } from "hono/router/trie-router";
import { describe, expect, it } from "vitest";
import { fixtureDocument } from "../../worker/demo/fixture-document";
import { notFound, validationFailed } from "../../worker/http/errors";
import app from "../../worker/index";
import { openApiDocument } from "../../worker/openapi/document";

const FIXTURES = new URL("../../../shared/fixtures/reports/", import.meta.url);
const SAMPLE_PARAMS: Record<string, string> = { id: "1", year: "2023", code: "41" };

type Doc = ReturnType<typeof openApiDocument>;
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema: Record<string, unknown>;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: object }> };
  responses: Record<string, { content?: Record<string, { schema: object }>; headers?: object }>;
  security?: unknown[];
}

const operations = (doc: Doc) =>
  Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item ?? {}).map(([method, op]) => ({ path, method, op: op as Operation })),
  );

const components = (doc: Doc) => (doc.components?.schemas ?? {}) as Record<string, object>;

/** Every route the app serves, in Hono's syntax, but its catch-all 404. */
const servedRoutes = () => [
  ...new Set(app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`)),
];

const concrete = (path: string) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => SAMPLE_PARAMS[name] ?? "x");

/** Every JSON Schema in the document: components, parameters, bodies. */
function schemasOf(doc: Doc): [string, object][] {
  const found: [string, object][] = Object.entries(components(doc));
  for (const { path, op } of operations(doc)) {
    for (const p of op.parameters ?? []) found.push([`${path} ${p.name}`, p.schema]);
    for (const [type, media] of Object.entries(op.requestBody?.content ?? {}))
      found.push([`${path} body ${type}`, media.schema]);
    for (const [status, response] of Object.entries(op.responses))
      for (const [type, media] of Object.entries(response.content ?? {}))
        found.push([`${path} ${status} ${type}`, media.schema]);
  }
  return found;
}

function schemaChecker(doc: Doc) {
  // Formats are annotations here (clients differ on them); strict mode still rejects any
  // unknown keyword or malformed schema.
  const ajv = new Ajv2020({ strict: true, validateFormats: false, allErrors: true });
  ajv.addKeyword("components");
  ajv.addSchema({ $id: "urn:nianbao:openapi", components: doc.components });
  return (name: string) => {
    const validate = ajv.getSchema(`urn:nianbao:openapi#/components/schemas/${name}`);
    if (!validate) throw new Error(`no component ${name}`);
    return (value: unknown) => (validate(value) ? [] : (validate.errors ?? []));
  };
}

describe("the OpenAPI document, generated from the routes' declarations", () => {
  const doc = openApiDocument(app);

  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as never);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.license).toEqual({
      name: "CC BY 4.0",
      url: "https://creativecommons.org/licenses/by/4.0/",
    });
    expect(doc.servers).toEqual([{ url: "/" }]);
  });

  it("holds only valid JSON Schema 2020-12, resolving every $ref", () => {
    const ajv = new Ajv2020({ strict: true, validateFormats: false });
    ajv.addKeyword("components");
    ajv.addSchema({ $id: "urn:nianbao:openapi", components: doc.components });
    for (const [where, schema] of schemasOf(doc)) {
      expect(ajv.validateSchema(schema), `${where}: ${ajv.errorsText()}`).toBe(true);
    }
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of new Set(refs)) {
      const name = /#\/components\/schemas\/(\w+)"$/.exec(ref)?.[1];
      expect(name && components(doc)[name], ref).toBeTruthy();
    }
    const check = schemaChecker(doc);
    for (const name of Object.keys(components(doc))) expect(() => check(name)).not.toThrow();
  });

  it("documents every route the app serves, with its path parameters", () => {
    const router = new TrieRouter<string>();
    for (const key of servedRoutes()) {
      const [method, path] = key.split(" ") as [string, string];
      router.add(method, path, key);
    }
    const matched = new Set<string>();
    for (const { path, method, op } of operations(doc)) {
      const [matches] = router.match(method.toUpperCase(), concrete(path));
      expect(matches, `${method} ${path} is not a route of the app`).toHaveLength(1);
      const [route, params] = matches[0]!;
      matched.add(route);
      const names = (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name);
      expect(Object.keys(params).sort(), path).toEqual(names.sort());
    }
    expect([...matched].sort()).toEqual(servedRoutes().sort());
  });

  it("describes every parameter, and every answer with a body", () => {
    for (const { path, method, op } of operations(doc)) {
      for (const p of op.parameters ?? [])
        expect(p.description ?? "", `${method} ${path} ${p.name}`).not.toBe("");
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith("2"));
      expect(success.length, `${method} ${path}`).toBeGreaterThan(0);
      for (const [status, answer] of success)
        if (status !== "204") expect(answer.content, `${method} ${path} ${status}`).toBeDefined();
    }
  });

  it("needs a session or a token everywhere but the public reads and signing in", () => {
    expect(doc.security).toEqual([{ session: [] }, { token: [] }]);
    const open = operations(doc)
      .filter(({ op }) => op.security?.length === 0)
      .map(({ path }) => path);
    for (const path of open)
      expect(path).toMatch(/^\/(api\/public|embed|api\/openapi\.json|api\/auth|api\/health)/);
    for (const { path, op } of operations(doc))
      if (/^\/(api\/public|embed)\//.test(path)) expect(op.security, path).toEqual([]);
  });

  it("describes the comma-separated year lists instead of leaving them a bare string", () => {
    const series = doc.paths!["/api/public/series"]!.get as Operation;
    const years = series.parameters!.find((p) => p.name === "years")!;
    expect(years).toMatchObject({ required: true, schema: { type: "string" } });
    expect(years.description).toContain("2021-2024");
    expect(new RegExp(String(years.schema.pattern)).test("2019,2021-2023")).toBe(true);
  });

  it("documents the 400 error body of every route that takes input", () => {
    for (const { path, method, op } of operations(doc)) {
      if (!op.parameters?.length && !op.requestBody) continue;
      expect(
        op.responses["400"]?.content?.["application/json"]?.schema,
        `${method} ${path} 400`,
      ).toEqual({ $ref: "#/components/schemas/ErrorBody" });
    }
  });

  it("accepts the error bodies the app really sends", () => {
    const check = schemaChecker(doc)("ErrorBody");
    const invalid = validationFailed([
      { path: "years", code: "invalid_format", message: "年份格式", message_en: "years" },
    ]);
    expect(check(invalid.toBody())).toEqual([]);
    expect(check(notFound("机构", "Agency").toBody())).toEqual([]);
    expect(check({ error: { code: "x", message: "没有英文" } })).not.toEqual([]);
  });

  it("accepts every fixture report as a ReportDocument", () => {
    const check = schemaChecker(doc)("ReportDocument");
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith(".expected.json"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const expected = JSON.parse(readFileSync(new URL(file, FIXTURES), "utf8"));
      expect(check(fixtureDocument(expected)), file).toEqual([]);
    }
    expect(check({ template: "2021", year: 2022, section9: {} })).not.toEqual([]);
  });

  it("is generated once per isolate", () => {
    expect(openApiDocument(app)).toBe(doc);
  });

  it("is served as JSON, open to other sites", async () => {
    const response = await app.request("/api/openapi.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});
