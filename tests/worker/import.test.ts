import { describe, expect, it } from "vitest";
import luoyangText from "../../../shared/fixtures/reports/00_luoyang_shi_bgs_2022.txt?raw";
import { requestJson } from "./api";

describe("POST /api/import", () => {
  it("reads a published report's text into the document, with source lines and findings, saving nothing", async () => {
    const response = await requestJson("/api/import", {
      method: "POST",
      json: { text: luoyangText },
    });
    expect(response.status).toBe(200);
    expect(response.body.year).toBe(2022);
    expect(response.body.agency).toBe("洛阳市人民政府办公室");
    expect(response.body.document.section3.rows.new_received).toEqual([90, 4, 0, 0, 0, 1, 95]);
    expect(response.body.provenance["section3.new_received.total"].line).toBeGreaterThan(0);
    expect(response.body.findings).toEqual([]);
    const reports = await requestJson("/api/reports?q=洛阳");
    expect(reports.body.items).toEqual([]);
  });

  it("refuses an empty text with the field named, and unreadable text with 422", async () => {
    const empty = await requestJson("/api/import", { method: "POST", json: { text: "" } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.issues[0].path).toBe("text");
    const junk = await requestJson("/api/import", {
      method: "POST",
      json: { text: "这不是一份年报。" },
    });
    expect([200, 422]).toContain(junk.status);
    if (junk.status === 422) expect(junk.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
