import { describe, expect, it } from "vitest";
import { admin, createAgency, requestJson } from "./api";
import { validDocument } from "./builders";

async function save(agencyId: number, document: unknown, base: number, source?: unknown) {
  return requestJson(`/api/agencies/${agencyId}/reports/2022`, {
    method: "PUT",
    as: await admin(),
    json: { base_revision: base, document, ...(source === undefined ? {} : { source }) },
  });
}

describe("what made a save", () => {
  it("records an import and its undo, and nothing for typing", async () => {
    const agency = await createAgency();
    const typed = validDocument();
    const imported = validDocument(2022, (d) => (d.section3!.rows.granted![0] = 40));
    expect((await save(agency.id, typed, 0)).status).toBe(201);
    expect((await save(agency.id, imported, 1, "import")).status).toBe(200);
    expect((await save(agency.id, typed, 2, "import_undo")).status).toBe(200);
    expect((await save(agency.id, imported, 3, null)).status).toBe(200);

    const revisions = await requestJson(`/api/agencies/${agency.id}/reports/2022/revisions`, {
      as: await admin(),
    });
    expect(
      revisions.body.items.map((r: { number: number; source: string | null }) => [
        r.number,
        r.source,
      ]),
    ).toEqual([
      [4, null],
      [3, "import_undo"],
      [2, "import"],
      [1, null],
    ]);
  });

  it("refuses a source that is not one of the known ones, saving nothing", async () => {
    const agency = await createAgency();
    const answer = await save(agency.id, validDocument(), 0, "paste");
    expect(answer.status).toBe(400);
    expect(answer.body.error.issues.map((i: { path: string }) => i.path)).toContain("source");
    const revisions = await requestJson(`/api/agencies/${agency.id}/reports/2022/revisions`, {
      as: await admin(),
    });
    expect(revisions.status).toBe(404);
  });
});
