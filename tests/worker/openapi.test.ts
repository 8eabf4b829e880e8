import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { openApiDocument } from "../../worker/openapi/document";
import {
  agencyDetailSchema,
  agencyListSchema,
  correctionsSchema,
  dataPackageSchema,
  indicatorsSchema,
  publicReportSchema,
  rollupSchema,
  seriesSchema,
} from "../../worker/openapi/bodies/public";
import { errorBodySchema } from "../../worker/openapi/bodies/errors";
import { createAgency, publish, request, requestJson, saveDocument } from "./api";
import { validDocument } from "./builders";

/** The answer's body, failing the test with zod's list of differences when it is not documented. */
async function documented(schema: z.ZodType, path: string, status = 200) {
  const answer = await requestJson(path);
  expect(answer.status, path).toBe(status);
  const parsed = schema.safeParse(answer.body);
  expect(parsed.success ? [] : parsed.error.issues, path).toEqual([]);
  return answer.body;
}

describe("the OpenAPI document in the Worker", () => {
  it("is served at /api/openapi.json without a session or the database", async () => {
    const response = await request("/api/openapi.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const body = await response.json<ReturnType<typeof openApiDocument>>();
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths ?? {})).toContain("/api/public/agencies/{id}/reports/{year}");
  });

  it("describes the answers the public routes really give", async () => {
    const government = await createAgency({
      level: "city",
      kind: "government",
      scope: "region",
      region_code: "870100",
    });
    const agency = await createAgency({
      level: "city",
      parent_id: government.id,
      region_code: "870100",
    });
    await saveDocument(agency.id, validDocument(2022));
    await publish(agency.id, 2022, 1);
    const visits = validDocument(2022, (d) => (d.metrics!.website_visits = 4321));
    await saveDocument(agency.id, visits, 1, { note: "更正访问量" });
    await publish(agency.id, 2022, 2);

    const list = await documented(agencyListSchema, `/api/public/agencies?under=${government.id}`);
    expect(list.total).toBe(2);
    await documented(agencyDetailSchema, `/api/public/agencies/${agency.id}`);
    await documented(publicReportSchema, `/api/public/agencies/${agency.id}/reports/2022`);
    const log = await documented(
      correctionsSchema,
      `/api/public/agencies/${agency.id}/reports/2022/corrections`,
    );
    expect(log.items[0].changes.length).toBeGreaterThan(0);
    await documented(rollupSchema, `/api/public/rollup?year=2022&under=${government.id}`);
    await documented(
      indicatorsSchema,
      `/api/public/indicators?agency=${agency.id}&years=2021-2022`,
    );
    await documented(
      seriesSchema,
      `/api/public/series?region=8701&figure=metrics.website_visits&years=2022`,
    );
    await documented(dataPackageSchema, "/api/public/bulk/2022/datapackage.json");
  });

  it("describes the error answers the public routes really give", async () => {
    const invalid = await documented(errorBodySchema, "/api/public/series?years=20x", 400);
    expect(invalid.error.issues.length).toBeGreaterThan(0);
    await documented(errorBodySchema, "/api/public/agencies/999999", 404);
    await documented(errorBodySchema, "/embed/agency/999999", 404);
  });
});
