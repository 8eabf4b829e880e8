import { describe, expect, it } from "vitest";
import { admin, createAgency, request, requestJson, saveDocument } from "./api";
import { fixture00, fixture05, validDocument } from "./builders";

describe("saving and reading a report", () => {
  it("returns fixture 00 exactly as it was saved, with no findings", async () => {
    const agency = await createAgency();
    const document = fixture00();
    const saved = await saveDocument(agency.id, document);
    expect(saved.status).toBe(201);
    expect(saved.body.findings).toEqual([]);
    expect(saved.body.revision.number).toBe(1);

    const read = await requestJson(`/api/agencies/${agency.id}/reports/2022`, {
      as: await admin(),
    });
    expect(read.status).toBe(200);
    expect(read.body.document).toStrictEqual(document);
    expect(JSON.stringify(read.body.document)).toBe(JSON.stringify(document));
    expect(read.headers.get("etag")).toBe('"r1"');
  });

  it("stores a report whose table 四 parts do not add up, with R4 findings", async () => {
    const agency = await createAgency();
    const document = validDocument(2022, (doc) => {
      doc.section4!.reconsideration = [2, 1, 1, 0, 3];
    });
    const saved = await saveDocument(agency.id, document);
    expect(saved.status).toBe(201);
    const r4 = saved.body.findings.filter((f: { rule: string }) => f.rule === "R4");
    expect(r4).toHaveLength(1);
    // The parts add up to 4 while the printed 总计 says 3.
    expect(r4[0]).toMatchObject({ severity: "error", table: "四", expected: 4, actual: 3 });
    expect(r4[0].message).toContain("行政复议");

    const read = await requestJson(`/api/agencies/${agency.id}/reports/2022`, {
      as: await admin(),
    });
    expect(read.body.document.section4.reconsideration).toEqual([2, 1, 1, 0, 3]);
    expect(read.body.report.error_count).toBe(1);
  });

  it("keeps blank cells as null and the 2019 template's own table 二", async () => {
    const agency = await createAgency();
    const document = fixture05();
    const saved = await saveDocument(agency.id, document);
    expect(saved.status).toBe(201);
    const read = await requestJson(`/api/agencies/${agency.id}/reports/2019`, {
      as: await admin(),
    });
    expect(read.body.document).toStrictEqual(document);
    expect(read.body.document.section3.rows.partially_granted[6]).toBeNull();
    expect(saved.body.findings.every((f: { severity: string }) => f.severity === "warning")).toBe(
      true,
    );
  });

  it("refuses a stale save with 409 and the current revision, losing nothing", async () => {
    const agency = await createAgency();
    await saveDocument(agency.id, validDocument());
    const first = await saveDocument(
      agency.id,
      validDocument(2022, (d) => (d.metrics!.website_visits = 1)),
      1,
    );
    expect(first.status).toBe(200);
    expect(first.body.revision.number).toBe(2);

    const stale = await saveDocument(
      agency.id,
      validDocument(2022, (d) => (d.metrics!.website_visits = 2)),
      1,
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("stale_revision");
    expect(stale.body.current.revision.number).toBe(2);
    expect(stale.body.current.document.metrics.website_visits).toBe(1);

    const read = await requestJson(`/api/agencies/${agency.id}/reports/2022`, {
      as: await admin(),
    });
    expect(read.body.document.metrics.website_visits).toBe(1);
  });

  it("treats a save from a revision that does not exist yet as a conflict", async () => {
    const agency = await createAgency();
    const response = await saveDocument(agency.id, validDocument(), 3);
    expect(response.status).toBe(409);
  });

  it("records no new revision when nothing changed", async () => {
    const agency = await createAgency();
    await saveDocument(agency.id, validDocument());
    const again = await saveDocument(agency.id, validDocument(), 1);
    expect(again.status).toBe(200);
    expect(again.body.unchanged).toBe(true);
    expect(again.body.revision.number).toBe(1);
  });
});

describe("bad input", () => {
  it("answers malformed JSON with 400 malformed_json", async () => {
    const agency = await createAgency();
    const response = await request(`/api/agencies/${agency.id}/reports/2022`, {
      as: await admin(),
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: '{"base_revision": 0, "document": {',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).error.code).toBe("malformed_json");
  });

  it("lists every bad field: unknown fields, wrong types, negative and fractional counts", async () => {
    const agency = await createAgency();
    const document: any = validDocument();
    document.colour = "red";
    document.section3.rows.granted[0] = -1;
    document.section3.rows.granted[1] = 1.5;
    document.section4.litigation_direct[4] = "2";
    const response = await saveDocument(agency.id, document);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("validation_failed");
    const paths = response.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths.sort()).toEqual([
      "document.colour",
      "document.section3.rows.granted.0",
      "document.section3.rows.granted.1",
      "document.section4.litigation_direct.4",
    ]);
    for (const issue of response.body.error.issues) {
      expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
      expect(issue.message_en).toBeTruthy();
    }
    const read = await request(`/api/agencies/${agency.id}/reports/2022`, { as: await admin() });
    expect(read.status).toBe(404);
  });

  it("rejects a document whose year differs from the URL's", async () => {
    const agency = await createAgency();
    const response = await requestJson(`/api/agencies/${agency.id}/reports/2023`, {
      as: await admin(),
      method: "PUT",
      json: { base_revision: 0, document: validDocument(2022) },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.issues[0].path).toBe("document.year");
  });

  it("answers an unknown agency with 404", async () => {
    const response = await saveDocument(999_999, validDocument());
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe("not_found");
  });

  it("answers an oversized body with 413", async () => {
    const agency = await createAgency();
    const document = validDocument(2022, (d) => (d.text = { overview: "字".repeat(800_000) }));
    const response = await saveDocument(agency.id, document);
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe("payload_too_large");
  });

  it("answers an unknown API route with a JSON 404", async () => {
    const response = await requestJson("/api/nothing-here", { as: await admin() });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe("route_not_found");
  });
});

describe("history", () => {
  it("lists revisions newest first and diffs any two cell by cell", async () => {
    const agency = await createAgency();
    await saveDocument(agency.id, validDocument());
    await saveDocument(
      agency.id,
      validDocument(2022, (d) => (d.section3!.rows.granted![0] = 13)),
      1,
    );
    await saveDocument(
      agency.id,
      validDocument(2022, (d) => {
        d.section3!.rows.granted![0] = 13;
        d.metrics!.website_visits = 42;
      }),
      2,
    );
    const revisions = await requestJson(`/api/agencies/${agency.id}/reports/2022/revisions`, {
      as: await admin(),
    });
    expect(revisions.body.items.map((r: { number: number }) => r.number)).toEqual([3, 2, 1]);
    expect(revisions.body.items[1].changes).toEqual([
      { path: "section3.granted.natural_person", before: 12, after: 13 },
    ]);

    const diff = await requestJson(`/api/agencies/${agency.id}/reports/2022/diff?from=1&to=3`, {
      as: await admin(),
    });
    expect(diff.status).toBe(200);
    expect(diff.body.changes.map((c: { path: string }) => c.path).sort()).toEqual([
      "metrics.website_visits",
      "section3.granted.natural_person",
    ]);

    const first = await requestJson(`/api/agencies/${agency.id}/reports/2022/revisions/1`, {
      as: await admin(),
    });
    expect(first.body.document.section3.rows.granted[0]).toBe(12);
    const missing = await request(`/api/agencies/${agency.id}/reports/2022/revisions/9`, {
      as: await admin(),
    });
    expect(missing.status).toBe(404);
  });
});

describe("export", () => {
  it("exports a report as the bare canonical JSON and as long CSV", async () => {
    const agency = await createAgency();
    const document = validDocument();
    await saveDocument(agency.id, document);
    const json = await request(`/api/agencies/${agency.id}/reports/2022/export?format=json`, {
      as: await admin(),
    });
    expect(await json.json()).toStrictEqual(document);
    expect(json.headers.get("content-disposition")).toContain("attachment");

    const csv = await request(`/api/agencies/${agency.id}/reports/2022/export?format=csv`, {
      as: await admin(),
    });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await csv.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe("year,figure,table,label,unit,value");
    expect(lines).toContainEqual(
      expect.stringMatching(/^2022,section3\.new_received\.total,三,.*,95$/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^2022,section2\.fees_wan_yuan,二,.*,0\.13$/),
    );
  });
});

describe("the review queue's order", () => {
  it("lists by submission time, newest first, unsubmitted reports last", async () => {
    const region = await createAgency({
      level: "city",
      kind: "government",
      scope: "region",
      region_code: "950100",
    });
    const [first, second, third, draft] = [
      await createAgency({ parent_id: region.id, region_code: "950100" }),
      await createAgency({ parent_id: region.id, region_code: "950100" }),
      await createAgency({ parent_id: region.id, region_code: "950100" }),
      await createAgency({ parent_id: region.id, region_code: "950100" }),
    ];
    const as = await admin();
    for (const agency of [first, second, third, draft])
      await saveDocument(agency.id, validDocument(2022));
    for (const agency of [first, second, third]) {
      const submit = await requestJson(`/api/agencies/${agency.id}/reports/2022/submit`, {
        method: "POST",
        as,
        json: { revision: 1 },
      });
      expect(submit.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const queue = await requestJson(`/api/reports?under=${region.id}&sort=submitted`, { as });
    expect(queue.body.items.map((r: { agency_id: number }) => r.agency_id)).toEqual([
      third.id,
      second.id,
      first.id,
      draft.id,
    ]);
    const directory = await requestJson(`/api/reports?under=${region.id}`, { as });
    expect(directory.body.items.map((r: { agency_id: number }) => r.agency_id)).toEqual([
      first.id,
      second.id,
      third.id,
      draft.id,
    ]);
  });
});
