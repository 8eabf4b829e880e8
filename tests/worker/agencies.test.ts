import { describe, expect, it } from "vitest";
import { admin, createAgency, request, requestJson } from "./api";

describe("agencies", () => {
  it("creates a hierarchy whose paths chain the ancestors", async () => {
    const province = await createAgency({
      level: "province",
      kind: "government",
      scope: "region",
      region_code: "980000",
    });
    const city = await createAgency({
      level: "city",
      kind: "government",
      scope: "region",
      parent_id: province.id,
      region_code: "980100",
    });
    const dept = await createAgency({ parent_id: city.id, region_code: "980100" });
    expect(province.path).toBe(`/${province.id}/`);
    expect(dept.path).toBe(`/${province.id}/${city.id}/${dept.id}/`);

    const under = await requestJson(`/api/agencies?under=${province.id}`, { as: await admin() });
    expect(under.body.items.map((a: { id: number }) => a.id)).toEqual([
      province.id,
      city.id,
      dept.id,
    ]);
    const children = await requestJson(`/api/agencies?parent=${city.id}`, { as: await admin() });
    expect(children.body.items.map((a: { id: number }) => a.id)).toEqual([dept.id]);
  });

  it("filters by region-code prefix and level", async () => {
    await createAgency({
      level: "city",
      kind: "government",
      scope: "region",
      region_code: "970100",
    });
    await createAgency({ level: "county", region_code: "970102" });
    await createAgency({ level: "county", region_code: "960102" });
    const region = await requestJson("/api/agencies?region=970000", { as: await admin() });
    expect(
      region.body.items.every((a: { region_code: string }) => a.region_code.startsWith("97")),
    ).toBe(true);
    expect(region.body.total).toBe(2);
    const counties = await requestJson("/api/agencies?region=97&level=county", {
      as: await admin(),
    });
    expect(counties.body.total).toBe(1);
  });

  it("moves an agency with its subtree and refuses cycles", async () => {
    const a = await createAgency({ kind: "government", scope: "region" });
    const b = await createAgency({ kind: "government", scope: "region" });
    const child = await createAgency({ parent_id: a.id });
    const moved = await requestJson(`/api/agencies/${a.id}`, {
      as: await admin(),
      method: "PATCH",
      json: { parent_id: b.id, name: "改名后" },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.name).toBe("改名后");
    const after = await requestJson(`/api/agencies/${child.id}`, { as: await admin() });
    expect(after.body.path).toBe(`/${b.id}/${a.id}/${child.id}/`);

    const cycle = await requestJson(`/api/agencies/${b.id}`, {
      as: await admin(),
      method: "PATCH",
      json: { parent_id: child.id },
    });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.code).toBe("parent_cycle");
  });

  it("validates agencies at the edge, naming each field", async () => {
    const response = await requestJson("/api/agencies", {
      as: await admin(),
      method: "POST",
      json: {
        name: "",
        level: "village",
        kind: "government",
        scope: "region",
        parent_id: null,
        region_code: "12",
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "level",
      "name",
      "region_code",
    ]);
    const orphan = await requestJson("/api/agencies", {
      as: await admin(),
      method: "POST",
      json: {
        name: "孤儿",
        level: "county",
        kind: "department",
        scope: "self",
        parent_id: 987654,
        region_code: "990101",
      },
    });
    expect(orphan.status).toBe(400);
    expect(orphan.body.error.code).toBe("parent_not_found");
  });

  it("answers an unknown agency with 404 and exports the list as CSV", async () => {
    expect((await request("/api/agencies/123456", { as: await admin() })).status).toBe(404);
    await createAgency({ name: '导出, 测试"机构"', region_code: "950101" });
    const csv = await request("/api/agencies?region=95&format=csv", { as: await admin() });
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toBe("id,name,level,kind,scope,parent_id,region_code");
    expect(text).toContain('"导出, 测试""机构"""');
  });

  it("reports health", async () => {
    const health = await requestJson("/api/health");
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: "ok", database: "ok" });
  });
});
