import { describe, expect, it } from "vitest";
import {
  admin,
  createAgency,
  request,
  requestJson,
  saveDocument,
  signIn,
  type Session,
} from "./api";
import { validDocument } from "./builders";

async function setting() {
  const region = await createAgency({
    level: "city",
    kind: "government",
    scope: "region",
    region_code: "880100",
  });
  const agency = await createAgency({ level: "city", parent_id: region.id, region_code: "880100" });
  return {
    region,
    agency,
    submitter: await signIn("submitter", { agencyId: agency.id }),
    reviewer: await signIn("reviewer", { regionAgencyId: region.id }),
  };
}

const act = (agencyId: number, year: number, action: string, as: Session, json: unknown) =>
  requestJson(`/api/agencies/${agencyId}/reports/${year}/${action}`, { method: "POST", as, json });

describe("the review workflow", () => {
  it("goes draft → submitted → returned with comments → resubmitted → approved, and the public then sees it", async () => {
    const { agency, submitter, reviewer } = await setting();
    const saved = await saveDocument(agency.id, validDocument(), 0, { as: submitter });
    expect(saved.body.report.status).toBe("draft");
    expect((await requestJson(`/api/agencies/${agency.id}/reports/2022`)).status).toBe(404);

    expect(
      (await act(agency.id, 2022, "submit", submitter, { revision: 1 })).body.report.status,
    ).toBe("submitted");
    const locked = await saveDocument(
      agency.id,
      validDocument(2022, (d) => (d.metrics!.website_visits = 1)),
      1,
      {
        as: submitter,
      },
    );
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe("report_locked");

    const returned = await act(agency.id, 2022, "return", reviewer, {
      revision: 1,
      message: "请核对网站访问量",
      comments: [{ path: "metrics.website_visits", text: "与去年相差过大" }],
    });
    expect(returned.body.report.status).toBe("returned");

    const fixed = await saveDocument(
      agency.id,
      validDocument(2022, (d) => (d.metrics!.website_visits = 4_000_000)),
      1,
      {
        as: submitter,
      },
    );
    expect(fixed.body.revision.number).toBe(2);
    expect(fixed.body.report.status).toBe("returned");
    expect((await act(agency.id, 2022, "approve", reviewer, { revision: 2 })).status).toBe(409);
    expect((await act(agency.id, 2022, "submit", submitter, { revision: 2 })).status).toBe(200);
    const approved = await act(agency.id, 2022, "approve", reviewer, { revision: 2 });
    expect(approved.body.report.status).toBe("approved");
    expect(approved.body.report.published_revision).toBe(2);

    const publicView = await requestJson(`/api/agencies/${agency.id}/reports/2022`);
    expect(publicView.status).toBe(200);
    expect(publicView.body.document.metrics.website_visits).toBe(4_000_000);

    const reviews = await requestJson(`/api/agencies/${agency.id}/reports/2022/reviews`, {
      as: submitter,
    });
    expect(reviews.body.items.map((e: { action: string }) => e.action)).toEqual([
      "submit",
      "return",
      "submit",
      "approve",
    ]);
    expect(reviews.body.items[1].comments).toEqual([
      { path: "metrics.website_visits", text: "与去年相差过大" },
    ]);
  });

  it("refuses to submit a report breaking hard rules without an explanation per rule, and keeps the explanation", async () => {
    const { agency, submitter } = await setting();
    await saveDocument(
      agency.id,
      validDocument(2022, (d) => (d.section4!.reconsideration = [1, 1, 1, 1, 9])),
      0,
      {
        as: submitter,
      },
    );
    const refused = await act(agency.id, 2022, "submit", submitter, { revision: 1 });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("explanation_required");
    expect(refused.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      "explanations.R4",
    ]);

    const explained = await act(agency.id, 2022, "submit", submitter, {
      revision: 1,
      explanations: [{ rule: "R4", table: "四", text: "总计含上年结转案件，按原表公布" }],
    });
    expect(explained.status).toBe(200);
    expect(explained.body.explanations[0].text).toContain("上年结转");
  });

  it("marks a submission after the deadline as late", async () => {
    const { agency, submitter } = await setting();
    await requestJson("/api/deadlines/2022", {
      method: "PUT",
      as: await admin(),
      json: { department_deadline: "2023-01-31", government_deadline: "2023-03-31" },
    });
    await saveDocument(agency.id, validDocument(2022), 0, { as: submitter });
    const submitted = await act(agency.id, 2022, "submit", submitter, { revision: 1 });
    expect(submitted.body.report.late).toBe(true);
    const early = await saveDocument(agency.id, validDocument(2026), 0, { as: submitter });
    expect(early.status).toBe(201);
    expect(
      (await act(agency.id, 2026, "submit", submitter, { revision: 1 })).body.report.late,
    ).toBe(false);
    const lateQueue = await requestJson(`/api/reports?late=true&under=${agency.id}`, {
      as: await admin(),
    });
    expect(lateQueue.body.items.map((r: { year: number }) => r.year)).toEqual([2022]);
  });

  it("keeps the published revision public while a correction, which needs a reason, is reviewed", async () => {
    const { agency, submitter, reviewer } = await setting();
    await saveDocument(agency.id, validDocument(), 0, { as: submitter });
    await act(agency.id, 2022, "submit", submitter, { revision: 1 });
    await act(agency.id, 2022, "approve", reviewer, { revision: 1 });

    const corrected = validDocument(2022, (d) => (d.metrics!.website_visits = 6_000_000));
    const noReason = await saveDocument(agency.id, corrected, 1, { as: submitter });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe("reason_required");
    const withReason = await saveDocument(agency.id, corrected, 1, {
      as: submitter,
      note: "原统计口径有误",
    });
    expect(withReason.status).toBe(200);
    expect(withReason.body.report.status).toBe("draft");

    const publicView = await requestJson(`/api/agencies/${agency.id}/reports/2022`);
    expect(publicView.body.document.metrics.website_visits).toBe(5_820_000);
    expect(publicView.body.report.revision).toBeNull();
    const ownDraft = await requestJson(`/api/agencies/${agency.id}/reports/2022`, {
      as: submitter,
    });
    expect(ownDraft.body.document.metrics.website_visits).toBe(6_000_000);
    const ownPublished = await requestJson(
      `/api/agencies/${agency.id}/reports/2022?version=published`,
      {
        as: submitter,
      },
    );
    expect(ownPublished.body.document.metrics.website_visits).toBe(5_820_000);

    await act(agency.id, 2022, "submit", submitter, { revision: 2 });
    await act(agency.id, 2022, "approve", reviewer, { revision: 2 });
    expect(
      (await requestJson(`/api/agencies/${agency.id}/reports/2022`)).body.document.metrics
        .website_visits,
    ).toBe(6_000_000);
    const log = await requestJson(`/api/agencies/${agency.id}/reports/2022/corrections`);
    expect(log.body.items).toEqual([
      {
        revision: 2,
        published_at: expect.any(String),
        reason: "原统计口径有误",
        changes: [{ path: "metrics.website_visits", before: 5_820_000, after: 6_000_000 }],
      },
    ]);
  });
});

describe("what each viewer can see", () => {
  it("never shows unpublished figures to the public or to other agencies", async () => {
    const { region, agency, submitter, reviewer } = await setting();
    const other = await signIn("submitter", {
      agencyId: (await createAgency({ region_code: "880100" })).id,
    });
    await saveDocument(
      agency.id,
      validDocument(2022, (d) => (d.metrics!.website_visits = 777)),
      0,
      { as: submitter },
    );
    const draftOnly = `/api/agencies/${agency.id}/reports/2022`;

    for (const as of [undefined, other]) {
      expect((await request(draftOnly, { as })).status).toBe(404);
      expect((await request(`${draftOnly}/export?format=csv`, { as })).status).toBe(404);
      const list = await requestJson(`/api/reports?under=${region.id}`, { as });
      expect(list.body.items).toEqual([]);
      const reports = await requestJson(`/api/agencies/${agency.id}/reports`, { as });
      expect(reports.body.items).toEqual([]);
    }

    // Another agency's submitter reads the staff aggregates on the published basis only.
    const compare = await requestJson(
      `/api/compare?figure=metrics.website_visits&years=2022&under=${region.id}`,
      { as: other },
    );
    expect(compare.status).toBe(200);
    expect(compare.body.items).toEqual([]);
    const current = await request(
      `/api/compare?figure=metrics.website_visits&years=2022&basis=current`,
      { as: other },
    );
    expect(current.status).toBe(403);
    const rollup = await requestJson(`/api/rollup?year=2022&under=${region.id}`, { as: other });
    expect(rollup.status).toBe(200);
    expect(rollup.body.figures["metrics.website_visits"]).toBeUndefined();

    // The public may not ask them at all; its own sums hold published figures only.
    for (const path of [
      `/api/compare?figure=metrics.website_visits&years=2022&under=${region.id}`,
      `/api/compare?figure=metrics.website_visits&years=2022&basis=current`,
      `/api/rollup?year=2022&under=${region.id}`,
    ]) {
      const anonymous = await requestJson(path);
      expect([anonymous.status, anonymous.body.error.code], path).toEqual([
        401,
        "authentication_required",
      ]);
    }
    const publicRollup = await requestJson(`/api/public/rollup?year=2022&under=${region.id}`);
    expect(publicRollup.status).toBe(200);
    expect(publicRollup.body.reports).toBe(0);
    expect(publicRollup.body.figures["metrics.website_visits"]).toBeUndefined();
    const publicSeries = await requestJson(
      `/api/public/series?agency=${agency.id}&figure=metrics.website_visits&years=2022`,
    );
    expect(publicSeries.status).toBe(200);
    expect(publicSeries.body.items).toEqual([]);

    expect((await request(draftOnly, { as: submitter })).status).toBe(200);
    expect((await request(draftOnly, { as: reviewer })).status).toBe(200);
    const reviewerRollup = await requestJson(`/api/rollup?year=2022&basis=current`, {
      as: reviewer,
    });
    expect(reviewerRollup.body.figures["metrics.website_visits"]).toBe(777);
  });
});
