import { describe, expect, it } from "vitest";
import { createAgency, publish, request, requestJson, saveDocument } from "./api";
import { validDocument } from "./builders";

const visits = (n: number) => validDocument(2022, (d) => (d.metrics!.website_visits = n));

/** A city with two departments: one published 2022 report, one draft. */
async function city(code: string) {
  const government = await createAgency({
    level: "city",
    kind: "government",
    scope: "region",
    region_code: code,
  });
  const published = await createAgency({
    level: "city",
    parent_id: government.id,
    region_code: code,
  });
  const drafting = await createAgency({
    level: "city",
    parent_id: government.id,
    region_code: code,
  });
  await saveDocument(published.id, visits(1200));
  await publish(published.id, 2022, 1);
  await saveDocument(drafting.id, visits(99));
  return { government, published, drafting };
}

describe("public API", () => {
  it("lists agencies for anyone, with the licence, no cookie, open to other sites", async () => {
    const { government, published } = await city("960100");
    const response = await request(`/api/public/agencies?under=${government.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("link")).toContain('rel="license"');
    const body = (await response.json()) as any;
    expect(body.total).toBe(3);
    expect(body.items[1]).toEqual({
      id: published.id,
      name: published.name,
      level: "city",
      kind: "department",
      scope: "self",
      region_code: "960100",
      parent_id: government.id,
    });
    expect(body.licence.name).toBe("CC-BY-4.0");
    expect(body.data_version).toBeGreaterThan(0);

    const csv = await request(`/api/public/agencies?under=${government.id}&format=csv`);
    expect((await csv.text()).split("\r\n")[2]).toBe(
      "id,name,level,kind,scope,region_code,parent_id",
    );
  });

  it("shows only published reports: a draft is not there, a correction under review not yet", async () => {
    const { published, drafting } = await city("960200");
    const detail = await requestJson(`/api/public/agencies/${drafting.id}`);
    expect(detail.body.reports).toEqual([]);
    expect((await requestJson(`/api/public/agencies/${drafting.id}/reports/2022`)).status).toBe(
      404,
    );

    const report = await requestJson(`/api/public/agencies/${published.id}/reports/2022`);
    expect(report.status).toBe(200);
    expect(report.body.document.metrics.website_visits).toBe(1200);
    expect(report.body.corrections).toBe(0);

    const correction = await saveDocument(published.id, visits(1300), 1, { note: "更正访问量" });
    expect(correction.status).toBe(200);
    const during = await requestJson(`/api/public/agencies/${published.id}/reports/2022`);
    expect(during.body.document.metrics.website_visits).toBe(1200);

    // Approval makes a new data version: the cached answer gives way at once.
    await publish(published.id, 2022, 2);
    const after = await requestJson(`/api/public/agencies/${published.id}/reports/2022`);
    expect(after.body.document.metrics.website_visits).toBe(1300);
    expect(after.body.corrections).toBe(1);
    expect(after.body.data_version).toBeGreaterThan(report.body.data_version);
    const log = await requestJson(`/api/public/agencies/${published.id}/reports/2022/corrections`);
    expect(log.body.items).toEqual([
      expect.objectContaining({ revision: 2, reason: "更正访问量" }),
    ]);
  });

  it("answers from the edge cache by data version, and 304 to a matching ETag", async () => {
    const { published } = await city("960300");
    const path = `/api/public/agencies/${published.id}`;
    const first = await request(path);
    const etag = first.headers.get("etag")!;
    expect(first.headers.get("cache-control")).toBe("public, no-cache");
    expect(etag).toMatch(/^"\d+\.\w+"$/);
    // The edge stores the answer after sending it (waitUntil): ask until it is there.
    let second = await request(path);
    for (let i = 0; i < 20 && second.headers.get("x-cache") !== "hit"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      second = await request(path);
    }
    expect(second.headers.get("x-cache")).toBe("hit");
    expect(await second.json()).toEqual(await first.json());
    const revalidated = await request(path, { headers: { "if-none-match": etag } });
    expect(revalidated.status).toBe(304);
  });

  it("sums a region's published reports and derives indicators, per year", async () => {
    const { government, published } = await city("960400");
    const rollup = await requestJson(`/api/public/rollup?year=2022&under=${government.id}`);
    expect(rollup.status).toBe(200);
    expect(rollup.body.reports).toBe(1);
    expect(rollup.body.figures["metrics.website_visits"]).toBe(1200);

    const series = await requestJson(
      `/api/public/series?region=9604&figure=metrics.website_visits&years=2021-2023`,
    );
    expect(series.body.items).toEqual([{ year: 2022, value: 1200 }]);
    const own = await requestJson(
      `/api/public/series?agency=${published.id}&figure=section3.new_received.total&years=2022`,
    );
    expect(own.body.items).toEqual([{ year: 2022, value: 95 }]);

    const indicators = await requestJson(
      `/api/public/indicators?agency=${published.id}&years=2022`,
    );
    const rate = indicators.body.items[0].indicators.find((i: any) => i.key === "disclosure_rate");
    expect(rate).toMatchObject({ status: "ok", numerator: 22, denominator: 92 });
  });

  it("refuses bad questions naming the field, and unknown agencies with 404", async () => {
    const both = await requestJson(
      "/api/public/series?agency=1&under=2&figure=metrics.website_visits&years=2022",
    );
    expect(both.status).toBe(400);
    expect(both.body.error.issues[0].path).toBe("agency");
    const none = await requestJson("/api/public/indicators?years=2022");
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe("subject_required");
    const figure = await requestJson("/api/public/series?agency=1&figure=section9.x&years=2022");
    expect(figure.body.error.issues[0].path).toBe("figure");
    expect((await requestJson("/api/public/agencies/999999")).status).toBe(404);
    expect((await requestJson("/api/public/rollup?year=2022&under=999999")).status).toBe(404);
  });
});
