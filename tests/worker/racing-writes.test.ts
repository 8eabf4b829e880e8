import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { runBatch } from "../../worker/db/batch";
import { documentCells, documentTotals } from "../../worker/db/cells";
import { createDatabase } from "../../worker/db/client";
import { getAgency, type AgencyRow } from "../../worker/db/queries/agencies";
import { rebuildRegionSums } from "../../worker/db/queries/region-sums";
import { transitionReport, type Transition } from "../../worker/db/queries/workflow";
import type { ReportDocument } from "../../worker/report/document";
import {
  moveReport,
  planMove,
  type TransitionRequest,
} from "../../worker/services/report-workflow";
import {
  executeSave,
  planSave,
  saveReport,
  type SavePlan,
  type SaveRequest,
} from "../../worker/services/save-report";
import { admin, createAgency, publish, requestJson, saveDocument } from "./api";
import { validDocument } from "./builders";

const db = createDatabase(env.DB);
const YEAR = 2022;

const visits = (n: number) => validDocument(YEAR, (d) => (d.metrics!.website_visits = n));

/** A department (own-agency scope) of a city government under a province: sums kept at both. */
async function departments(count = 1) {
  const province = await createAgency({
    level: "province",
    kind: "government",
    scope: "region",
    region_code: "860000",
  });
  const city = await createAgency({
    level: "city",
    kind: "government",
    scope: "region",
    parent_id: province.id,
    region_code: "860100",
  });
  const agencies: AgencyRow[] = [];
  for (let i = 0; i < count; i++) {
    const { id } = await createAgency({ level: "city", parent_id: city.id, region_code: "860100" });
    agencies.push((await getAgency(db, id))!);
  }
  return { agencies, roots: [province.id, city.id] };
}

const saveRequest = (
  agency: AgencyRow,
  baseRevision: number,
  document: ReportDocument,
  note: string | null = null,
): SaveRequest => ({
  agency,
  year: YEAR,
  baseRevision,
  document,
  author: "测试填报员",
  note,
  now: new Date(),
});

const moveRequest = (
  agency: AgencyRow,
  transition: Transition,
  revision: number,
): TransitionRequest => ({
  agency,
  year: YEAR,
  revision,
  transition,
  actorName: "测试审核员",
  message: null,
  comments: [],
  explanations: [],
  audit: {
    actorKind: "user",
    actorId: null,
    actorName: "测试审核员",
    action: `report.${transition}`,
    target: `agency:${agency.id}/year:${YEAR}`,
    address: null,
    detail: null,
  },
  now: new Date(),
});

/**
 * The database as a service sees it, with `write` landing (once) just before the service's
 * next batch: another request's write between the service's reading and its own.
 */
function withWriteBefore(write: () => Promise<unknown>) {
  let pending: (() => Promise<unknown>) | null = write;
  const client = new Proxy(env.DB, {
    get(target, key) {
      if (key === "batch")
        return async (statements: D1PreparedStatement[]) => {
          const before = pending;
          pending = null;
          await before?.();
          return target.batch(statements);
        };
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return createDatabase(client);
}

/**
 * Waits `trips` database round trips: requests started together interleave the same way on
 * every run, so staggering one side by 0, 2, 4 … round trips reaches each interleaving.
 */
async function later(trips: number) {
  for (let i = 0; i < trips; i++) await env.DB.prepare("SELECT 1").first();
}

/** Plans a save and expects it may go ahead. */
async function plannedSave(request: SaveRequest): Promise<SavePlan> {
  const plan = await planSave(db, request);
  if (plan.kind !== "planned") throw new Error(`planned ${plan.kind}`);
  return plan;
}

const act = async (agencyId: number, action: string, revision: number, note?: string) =>
  requestJson(`/api/agencies/${agencyId}/reports/${YEAR}/${action}`, {
    method: "POST",
    as: await admin(),
    json: { revision, ...(note ? { message: note } : {}) },
  });

interface ReportState {
  id: number;
  status: string;
  current: number;
  published: number | null;
  currentId: number;
  publishedId: number | null;
}

async function reportOf(agencyId: number): Promise<ReportState> {
  return (await env.DB.prepare(
    `SELECT r.id, r.status, r.current_revision AS current, p.number AS published,
            r.current_revision_id AS currentId, r.published_revision_id AS publishedId
     FROM reports r LEFT JOIN report_revisions p ON p.id = r.published_revision_id
     WHERE r.agency_id = ? AND r.year = ?`,
  )
    .bind(agencyId, YEAR)
    .first<ReportState>())!;
}

/**
 * What must hold whatever the interleaving: the report's pointers agree with its revisions,
 * an approved report publishes its current revision, each approval left one publication, and
 * cells (table 三 wide, its totals, every other figure) exist exactly for the current and the
 * published revision, all of them.
 */
async function expectConsistent(agencyId: number) {
  const report = await reportOf(agencyId);
  const current = await env.DB.prepare(
    "SELECT report_id, number FROM report_revisions WHERE id = ?",
  )
    .bind(report.currentId)
    .first<{ report_id: number; number: number }>();
  expect(current).toEqual({ report_id: report.id, number: report.current });
  if (report.status === "approved") expect(report.publishedId).toBe(report.currentId);

  const events = await env.DB.prepare(
    "SELECT action, revision FROM review_events WHERE report_id = ? ORDER BY id",
  )
    .bind(report.id)
    .all<{ action: Transition; revision: number }>();
  const publications = await env.DB.prepare(
    "SELECT revision FROM publications WHERE report_id = ? ORDER BY id",
  )
    .bind(report.id)
    .all<{ revision: number }>();
  expect(publications.results.map((p) => p.revision)).toEqual(
    events.results.filter((e) => e.action === "approve").map((e) => e.revision),
  );
  expect(publications.results.at(-1)?.revision ?? null).toBe(report.published);

  const revisions = await env.DB.prepare(
    `SELECT v.id, v.document,
       (SELECT COUNT(*) FROM section3_cells c WHERE c.revision_id = v.id) AS cells,
       (SELECT COUNT(*) FROM section3_totals t WHERE t.revision_id = v.id) AS totals,
       (SELECT COUNT(*) FROM figure_values f WHERE f.revision_id = v.id) AS figures
     FROM report_revisions v WHERE v.report_id = ? ORDER BY v.number`,
  )
    .bind(report.id)
    .all<{ id: number; document: string; cells: number; totals: number; figures: number }>();
  for (const revision of revisions.results) {
    const used = revision.id === report.currentId || revision.id === report.publishedId;
    const document = JSON.parse(revision.document) as ReportDocument;
    const expected = documentCells(document);
    expect(
      { cells: revision.cells, totals: revision.totals, figures: revision.figures },
      `revision ${revision.id} of report ${report.id} (${used ? "in use" : "replaced"})`,
    ).toEqual(
      used
        ? {
            cells: expected.section3.length,
            totals: documentTotals(document) ? 1 : 0,
            figures: expected.figures.length,
          }
        : { cells: 0, totals: 0, figures: 0 },
    );
  }
  return report;
}

/** The maintained sums of `roots` are what a rebuild from the reports computes. */
async function expectSumsRebuilt(roots: number[]) {
  const read = async () =>
    (
      await env.DB.prepare(
        `SELECT root_id, year, basis, scope, figure, ROUND(total, 6) AS total, reported
         FROM region_sums WHERE reported != 0 AND root_id IN (${roots.join(", ")})
         ORDER BY root_id, year, basis, scope, figure`,
      ).all()
    ).results;
  const maintained = await read();
  await runBatch(db, rebuildRegionSums());
  expect(maintained).toEqual(await read());
}

describe("a save whose report changed after it was read", () => {
  it("is refused when the draft it edits was approved meanwhile, and the published revision keeps its cells", async () => {
    const {
      agencies: [agency],
      roots,
    } = await departments();
    await saveDocument(agency!.id, visits(100));
    const plan = await plannedSave(saveRequest(agency!, 1, visits(200)));

    await publish(agency!.id, YEAR, 1);
    const outcome = await executeSave(db, plan);

    expect(outcome.kind).toBe("conflict");
    const report = await expectConsistent(agency!.id);
    expect(report).toMatchObject({ status: "approved", current: 1, published: 1 });
    await expectSumsRebuilt(roots);
  });

  it("is refused when the draft it edits was submitted meanwhile, so the reviewer's revision stays current", async () => {
    const {
      agencies: [agency],
      roots,
    } = await departments();
    await saveDocument(agency!.id, visits(100));
    const plan = await plannedSave(saveRequest(agency!, 1, visits(200)));

    expect((await act(agency!.id, "submit", 1)).status).toBe(200);
    expect((await executeSave(db, plan)).kind).toBe("conflict");

    expect(await expectConsistent(agency!.id)).toMatchObject({ status: "submitted", current: 1 });
    const count = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM report_revisions v JOIN reports r ON r.id = v.report_id WHERE r.agency_id = ?",
    )
      .bind(agency!.id)
      .first<{ n: number }>();
    expect(count!.n).toBe(1);
    await expectSumsRebuilt(roots);
  });

  it("is refused when it continues a correction that was approved meanwhile, and the new publication keeps its cells", async () => {
    const {
      agencies: [agency],
      roots,
    } = await departments();
    await saveDocument(agency!.id, visits(100));
    await publish(agency!.id, YEAR, 1);
    expect((await saveDocument(agency!.id, visits(150), 1, { note: "更正" })).status).toBe(200);
    // Planned while revision 2 is a draft and revision 1 the published one: as read, the
    // revision it replaces would lose its cells.
    const plan = await plannedSave(saveRequest(agency!, 2, visits(175), "再更正"));

    await publish(agency!.id, YEAR, 2);
    expect((await executeSave(db, plan)).kind).toBe("conflict");

    const report = await expectConsistent(agency!.id);
    expect(report).toMatchObject({ status: "approved", current: 2, published: 2 });
    await expectSumsRebuilt(roots);
  });

  it("lands only once of two planned on the same revision", async () => {
    const {
      agencies: [agency],
      roots,
    } = await departments();
    await saveDocument(agency!.id, visits(100));
    const first = await plannedSave(saveRequest(agency!, 1, visits(200)));
    const second = await plannedSave(saveRequest(agency!, 1, visits(300)));

    expect((await executeSave(db, first)).kind).toBe("saved");
    const refused = await executeSave(db, second);

    expect(refused).toMatchObject({ kind: "conflict", current: { revision: { number: 2 } } });
    expect(await expectConsistent(agency!.id)).toMatchObject({ status: "draft", current: 2 });
    await expectSumsRebuilt(roots);
  });
});

describe("a service whose write lost a race", () => {
  it("plans a save again when its draft was approved in between: without a reason it is refused as a correction needing one", async () => {
    const {
      agencies: [agency],
      roots,
    } = await departments();
    await saveDocument(agency!.id, visits(100));
    const racing = withWriteBefore(() => publish(agency!.id, YEAR, 1));

    await expect(saveReport(racing, saveRequest(agency!, 1, visits(200)))).rejects.toMatchObject({
      status: 400,
      code: "reason_required",
    });
    expect(await expectConsistent(agency!.id)).toMatchObject({ status: "approved", published: 1 });
    await expectSumsRebuilt(roots);
  });

  it("plans a save again when its draft was approved in between: with a reason it lands as a correction", async () => {
    const {
      agencies: [agency],
      roots,
    } = await departments();
    await saveDocument(agency!.id, visits(100));
    const racing = withWriteBefore(() => publish(agency!.id, YEAR, 1));

    const outcome = await saveReport(racing, saveRequest(agency!, 1, visits(200), "更正"));

    expect(outcome).toMatchObject({ kind: "saved", stored: { revision: { number: 2 } } });
    const report = await expectConsistent(agency!.id);
    expect(report).toMatchObject({ status: "draft", current: 2, published: 1 });
    await expectSumsRebuilt(roots);
  });

  it("locks a save out when its draft was submitted in between", async () => {
    const {
      agencies: [agency],
      roots,
    } = await departments();
    await saveDocument(agency!.id, visits(100));
    const racing = withWriteBefore(() => act(agency!.id, "submit", 1));

    await expect(saveReport(racing, saveRequest(agency!, 1, visits(200)))).rejects.toMatchObject({
      status: 409,
      code: "report_locked",
    });
    expect(await expectConsistent(agency!.id)).toMatchObject({ status: "submitted", current: 1 });
    await expectSumsRebuilt(roots);
  });

  it("refuses an approval with 409 when the report was returned in between", async () => {
    const {
      agencies: [agency],
      roots,
    } = await departments();
    await saveDocument(agency!.id, visits(100));
    expect((await act(agency!.id, "submit", 1)).status).toBe(200);
    const racing = withWriteBefore(() => act(agency!.id, "return", 1, "请核对"));

    await expect(moveReport(racing, moveRequest(agency!, "approve", 1))).rejects.toMatchObject({
      status: 409,
      code: "invalid_transition",
    });
    const report = await expectConsistent(agency!.id);
    expect(report).toMatchObject({ status: "returned", published: null });
    await expectSumsRebuilt(roots);
  });
});

describe("a review step whose report changed after it was read", () => {
  it("refuses an approval planned before the report was returned, corrected and resubmitted", async () => {
    const {
      agencies: [agency],
      roots,
    } = await departments();
    await saveDocument(agency!.id, visits(100));
    expect((await act(agency!.id, "submit", 1)).status).toBe(200);
    const approval = await planMove(db, moveRequest(agency!, "approve", 1));

    expect((await act(agency!.id, "return", 1, "请核对")).status).toBe(200);
    expect((await saveDocument(agency!.id, visits(120), 1)).status).toBe(200);
    expect((await act(agency!.id, "submit", 2)).status).toBe(200);
    expect(await transitionReport(db, approval)).toBe(false);

    const report = await expectConsistent(agency!.id);
    expect(report).toMatchObject({ status: "submitted", current: 2, published: null });
    await expectSumsRebuilt(roots);
  });

  it("publishes a correction once when two approvals were planned on it", async () => {
    const {
      agencies: [agency],
      roots,
    } = await departments();
    await saveDocument(agency!.id, visits(100));
    await publish(agency!.id, YEAR, 1);
    await saveDocument(agency!.id, visits(150), 1, { note: "更正" });
    expect((await act(agency!.id, "submit", 2)).status).toBe(200);
    const first = await planMove(db, moveRequest(agency!, "approve", 2));
    const second = await planMove(db, moveRequest(agency!, "approve", 2));

    expect(await transitionReport(db, first)).toBe(true);
    expect(await transitionReport(db, second)).toBe(false);

    const report = await expectConsistent(agency!.id);
    expect(report).toMatchObject({ status: "approved", current: 2, published: 2 });
    await expectSumsRebuilt(roots);
  });

  it("refuses a return planned before the approval, leaving the report published", async () => {
    const {
      agencies: [agency],
      roots,
    } = await departments();
    await saveDocument(agency!.id, visits(100));
    expect((await act(agency!.id, "submit", 1)).status).toBe(200);
    const giveBack = await planMove(db, moveRequest(agency!, "return", 1));

    expect((await act(agency!.id, "approve", 1)).status).toBe(200);
    expect(await transitionReport(db, giveBack)).toBe(false);

    expect(await expectConsistent(agency!.id)).toMatchObject({ status: "approved", published: 1 });
    await expectSumsRebuilt(roots);
  });
});

describe("requests racing through the API", () => {
  // Eight reports raced through the whole API: allow for a loaded machine.
  it(
    "a save and a submission with its approval leave every report consistent, whichever lands first",
    {
      timeout: 15_000,
    },
    async () => {
      const { agencies, roots } = await departments(8);
      for (const agency of agencies) await saveDocument(agency.id, visits(100 + agency.id));
      const results = await Promise.all(
        agencies.map((agency, i) =>
          Promise.all([
            later(i * 2).then(() => saveDocument(agency.id, visits(500 + i), 1, { note: "更正" })),
            (async () => {
              const submit = await act(agency.id, "submit", 1);
              return [submit, await act(agency.id, "approve", 1)] as const;
            })(),
          ]),
        ),
      );

      for (const [index, [save, [submit, approve]]] of results.entries()) {
        const report = await expectConsistent(agencies[index]!.id);
        expect([200, 409]).toContain(save.status);
        expect([200, 409]).toContain(submit.status);
        expect(approve.status).toBe(submit.status);
        // Either the save landed first (nothing to submit at revision 1 any more), or the
        // approval did and the save was locked out or became a correction of it.
        if (submit.status === 409) {
          expect(save.status).toBe(200);
          expect(report).toMatchObject({ status: "draft", current: 2, published: null });
        } else if (save.status === 200) {
          expect(report).toMatchObject({ status: "draft", current: 2, published: 1 });
        } else {
          expect(report).toMatchObject({ status: "approved", current: 1, published: 1 });
        }
      }
      await expectSumsRebuilt(roots);
    },
  );

  it("an approval and a return of the same revision: exactly one of them happens", async () => {
    const { agencies, roots } = await departments(4);
    for (const agency of agencies) {
      await saveDocument(agency.id, visits(100 + agency.id));
      expect((await act(agency.id, "submit", 1)).status).toBe(200);
    }
    const results = await Promise.all(
      agencies.map((agency, i) =>
        Promise.all([
          act(agency.id, "approve", 1),
          later(i).then(() => act(agency.id, "return", 1, "请核对")),
        ]),
      ),
    );

    for (const [index, [approve, giveBack]] of results.entries()) {
      expect([approve.status, giveBack.status].sort()).toEqual([200, 409]);
      const report = await expectConsistent(agencies[index]!.id);
      expect(report.status).toBe(approve.status === 200 ? "approved" : "returned");
    }
    await expectSumsRebuilt(roots);
  });

  it("two submissions of the same revision: one is recorded, the other refused", async () => {
    const {
      agencies: [agency],
      roots,
    } = await departments();
    await saveDocument(agency!.id, visits(100));
    const [a, b] = await Promise.all([act(agency!.id, "submit", 1), act(agency!.id, "submit", 1)]);

    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const refused = a.status === 409 ? a : b;
    expect(refused.body.error.code).toBe("invalid_transition");
    const report = await expectConsistent(agency!.id);
    const submits = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM review_events WHERE report_id = ? AND action = 'submit'",
    )
      .bind(report.id)
      .first<{ n: number }>();
    expect(submits!.n).toBe(1);
    await expectSumsRebuilt(roots);
  });

  it("two saves from the same revision: one lands, the other gets 409 with the current revision", async () => {
    const {
      agencies: [agency],
      roots,
    } = await departments();
    await saveDocument(agency!.id, visits(100));
    const [a, b] = await Promise.all([
      saveDocument(agency!.id, visits(200), 1),
      saveDocument(agency!.id, visits(300), 1),
    ]);

    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const refused = a.status === 409 ? a : b;
    expect(refused.body.error.code).toBe("stale_revision");
    expect(refused.body.current.revision.number).toBe(2);
    expect(await expectConsistent(agency!.id)).toMatchObject({ current: 2 });
    await expectSumsRebuilt(roots);
  });
});

describe("agency updates issued together", () => {
  const patch = async (id: number, json: Record<string, unknown>) =>
    requestJson(`/api/agencies/${id}`, { method: "PATCH", as: await admin(), json });

  /** Every agency's path is its parent's path and its own id: no cycle, no stale rewrite. */
  async function expectPathsWhole() {
    const broken = await env.DB.prepare(
      `SELECT a.id FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id
       WHERE a.path != COALESCE(p.path, '/') || a.id || '/'`,
    ).all();
    expect(broken.results).toEqual([]);
  }

  it("moving two agencies under each other at once makes no cycle: one move lands, the other is refused", async () => {
    const { roots } = await departments();
    const [, city] = roots;
    const a = await createAgency({ level: "city", parent_id: city, region_code: "860100" });
    const b = await createAgency({ level: "city", parent_id: city, region_code: "860100" });
    const [ab, ba] = await Promise.all([
      patch(a.id, { parent_id: b.id }),
      patch(b.id, { parent_id: a.id }),
    ]);
    expect([ab.status, ba.status].sort()).toEqual([200, 400]);
    expect([ab, ba].find((r) => r.status === 400)!.body.error.code).toBe("parent_cycle");
    await expectPathsWhole();
  });

  it("re-scoping and moving a reporting agency at once keeps the region sums what the reports sum", async () => {
    const {
      agencies: [agency],
      roots,
    } = await departments();
    await saveDocument(agency!.id, visits(100));
    await publish(agency!.id, YEAR, 1);
    const [province] = roots;
    const [rescoped, moved] = await Promise.all([
      patch(agency!.id, { scope: "region" }),
      patch(agency!.id, { parent_id: province }),
    ]);
    expect(rescoped.status).toBe(200);
    expect(moved.status).toBe(200);
    await expectPathsWhole();
    await expectSumsRebuilt(roots);
  });
});
