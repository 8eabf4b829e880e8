import { readFileSync, readdirSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import { Hono } from "hono";
import type { hc, InferResponseType } from "hono/client";
import { TrieRouter } from "hono/router/trie-router";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { fixtureDocument } from "../../worker/demo/fixture-document";
import { notFound, validationFailed } from "../../worker/http/errors";
import app, { type AppType } from "../../worker/index";
import {
  buildOpenApiDocument,
  openApiDocument,
  type OpenApiDocument,
} from "../../worker/openapi/document";
import { OPERATIONS } from "../../worker/openapi/registry";
import type {
  agencyDetailSchema,
  agencyListSchema,
  correctionsSchema,
  indicatorsSchema,
  publicReportSchema,
  rollupSchema,
  seriesSchema,
} from "../../worker/openapi/responses";
import { openApiRoutes } from "../../worker/openapi/routes";
import { csvPath } from "../../worker/routes/public-bulk";

const FIXTURES = new URL("../../../shared/fixtures/reports/", import.meta.url);
const SAMPLE_PARAMS: Record<string, string> = { id: "1", year: "2023", code: "41" };

const documented = (doc: OpenApiDocument) =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op: op })),
  );

/** The GET routes the real app serves to the public, in Hono's syntax (`:year{[^/]+\.csv}`). */
const publicRoutes = () => [
  ...new Set(
    app.routes
      .filter((r) => r.method === "GET" && /^\/(api\/public|embed)\//.test(r.path))
      .map((r) => r.path),
  ),
];

const concrete = (path: string) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => SAMPLE_PARAMS[name] ?? "x");

/** Every JSON Schema in the document: components, parameters, bodies, headers. */
function schemasOf(doc: OpenApiDocument): [string, object][] {
  const found: [string, object][] = Object.entries(doc.components.schemas);
  for (const { path, op } of documented(doc)) {
    for (const p of op.parameters ?? []) found.push([`${path} ${p.name}`, p.schema]);
    for (const [status, response] of Object.entries(op.responses)) {
      for (const [type, media] of Object.entries(response.content ?? {}))
        found.push([`${path} ${status} ${type}`, media.schema]);
      for (const [name, header] of Object.entries(response.headers ?? {}))
        found.push([`${path} ${status} ${name}`, header.schema]);
    }
  }
  return found;
}

function schemaChecker(doc: OpenApiDocument) {
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

describe("the OpenAPI document", () => {
  const doc = openApiDocument();

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
      expect(name && doc.components.schemas[name], ref).toBeTruthy();
    }
    const check = schemaChecker(doc);
    for (const name of Object.keys(doc.components.schemas)) expect(() => check(name)).not.toThrow();
  });

  it("documents every public and embed route the app serves", () => {
    const router = new TrieRouter<string>();
    for (const path of publicRoutes()) router.add("GET", path, path);
    const served = new Set<string>();
    for (const { path, method, op } of documented(doc)) {
      if (!/^\/(api\/public|embed)\//.test(path)) continue;
      expect(method).toBe("get");
      const [matches] = router.match("GET", concrete(path));
      expect(matches, `${path} is not a route of the app`).toHaveLength(1);
      const [route, params] = matches[0]!;
      served.add(route);
      const names = (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name);
      expect(Object.keys(params).sort(), path).toEqual(names.sort());
    }
    expect([...served].sort()).toEqual(publicRoutes().sort());
  });

  it("names a path parameter for every template in a path, from the route's own schema", () => {
    for (const op of OPERATIONS) {
      const inPath = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(Object.keys(op.params?.shape ?? {}).sort(), op.path).toEqual(inPath.sort());
      if (op.params) {
        const sample = Object.fromEntries(inPath.map((name) => [name, SAMPLE_PARAMS[name!]]));
        expect(op.params.safeParse(sample).success, op.path).toBe(true);
      }
    }
    // The CSV's route reads the year out of the whole file name.
    expect(csvPath.parse({ year: "2023.csv" })).toEqual({ year: 2023 });
  });

  it("documents each query parameter exactly as the route's zod schema declares it", () => {
    for (const op of OPERATIONS) {
      const parameters = doc.paths[op.path]![op.method]!.parameters ?? [];
      const query = parameters.filter((p) => p.in === "query");
      const shape = op.query?.shape ?? {};
      expect(query.map((p) => p.name).sort(), op.path).toEqual(Object.keys(shape).sort());
      for (const p of query) {
        expect(p.name in shape, `${op.path}?${p.name}`).toBe(true);
        expect(p.required, `${op.path}?${p.name} required`).toBe(!shape[p.name]!.isOptional());
      }
      for (const p of parameters) expect(p.description, `${op.path} ${p.name}`).not.toBe("");
    }
  });

  it("describes the comma-separated year lists instead of leaving them a bare string", () => {
    const years = doc.paths["/api/public/series"]!.get!.parameters!.find(
      (p) => p.name === "years",
    )!;
    expect(years).toMatchObject({ required: true, schema: { type: "string" } });
    expect(years.description).toContain("2021-2024");
    expect(new RegExp(String(years.schema.pattern)).test("2019,2021-2023")).toBe(true);
  });

  it("documents the 400 and 404 error bodies of every route that takes input", () => {
    for (const op of OPERATIONS) {
      if (!op.params && !op.query) continue;
      const responses = doc.paths[op.path]![op.method]!.responses;
      for (const status of ["400", "404"]) {
        expect(
          responses[status]?.content?.["application/json"]?.schema,
          `${op.path} ${status}`,
        ).toEqual({ $ref: "#/components/schemas/ErrorBody" });
      }
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

  it("is built once per isolate, and built the same every time", () => {
    expect(openApiDocument()).toBe(doc);
    expect(buildOpenApiDocument()).toEqual(doc);
  });

  it("is served as JSON, open to other sites, at the path it is mounted on", async () => {
    const served = new Hono().route("/api/openapi.json", openApiRoutes);
    const response = await served.request("/api/openapi.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});

/** The handlers' own answer types (the typed client's view) fit the documented bodies. */
type Public = ReturnType<typeof hc<AppType>>["api"]["public"];
type Answer<Endpoint> = Endpoint extends (...args: never[]) => unknown
  ? InferResponseType<Endpoint, 200>
  : never;

/**
 * The handler reads a correction's `changes` back from stored JSON as `unknown[]`; the document
 * names their shape (`DocumentChange`), which the worker test holds real answers to.
 */
type StoredChanges<T> = T extends { items: (infer Item)[] }
  ? Omit<T, "items"> & { items: (Omit<Item, "changes"> & { changes: unknown[] })[] }
  : never;

it("documents bodies the handlers' types fit", () => {
  expectTypeOf<Answer<Public["agencies"]["$get"]>>().toExtend<z.output<typeof agencyListSchema>>();
  expectTypeOf<Answer<Public["agencies"][":id"]["$get"]>>().toExtend<
    z.output<typeof agencyDetailSchema>
  >();
  expectTypeOf<Answer<Public["agencies"][":id"]["reports"][":year"]["$get"]>>().toExtend<
    z.output<typeof publicReportSchema>
  >();
  expectTypeOf<
    Answer<Public["agencies"][":id"]["reports"][":year"]["corrections"]["$get"]>
  >().toExtend<StoredChanges<z.output<typeof correctionsSchema>>>();
  expectTypeOf<Answer<Public["rollup"]["$get"]>>().toExtend<z.output<typeof rollupSchema>>();
  expectTypeOf<Answer<Public["indicators"]["$get"]>>().toExtend<
    z.output<typeof indicatorsSchema>
  >();
  expectTypeOf<Answer<Public["series"]["$get"]>>().toExtend<z.output<typeof seriesSchema>>();
});
