import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { writeFigure } from "../../../worker/report/figures";
import { reviewComments, type ReturnedReview } from "../../../web/lib/review-comments";
import { ReportFormPage } from "../../../web/pages/report-form-page";
import { aReportDetail, apiError, aUser, json, renderWithSession, stubFetch } from "../builders";
import { luoyangReport } from "./render-form";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const GRANTED = "section3.granted.natural_person";
const BASE = "/api/agencies/7/reports/2024";

const review: ReturnedReview = {
  message: "请核对予以公开的数字。",
  actorName: "王审核",
  at: "2025-02-03T02:00:00Z",
  revision: 3,
  comments: [
    { path: GRANTED, text: "与正文所述不一致" },
    { path: "text.overview", text: "请补充总体情况" },
  ],
};

describe("reviewComments", () => {
  it("keeps a comment open until what it is on differs from the returned revision", () => {
    const returned = luoyangReport();
    expect(reviewComments(review, returned, returned).map((c) => c.resolved)).toEqual([
      false,
      false,
    ]);
    const changed = writeFigure(returned, GRANTED, 999);
    expect(reviewComments(review, returned, changed).map((c) => c.resolved)).toEqual([true, false]);
    const written = { ...returned, text: { ...returned.text, overview: "新的总体情况" } };
    expect(reviewComments(review, returned, written)[1]?.resolved).toBe(true);
  });
});

describe("a returned report in the form", () => {
  it("shows the reviewer's message, and each comment on its cell until the cell is changed", async () => {
    const document = luoyangReport();
    const detail = { ...aReportDetail({ status: "returned", year: 2024 }, []), document };
    stubFetch({
      "GET /api/agencies/7": json({
        id: 7,
        name: "示范市教育局",
        level: "city",
        kind: "department",
      }),
      [`GET ${BASE}`]: json(detail),
      "GET /api/agencies/7/reports/2023": apiError(404, "not_found", "2023 年度报告不存在"),
      [`GET ${BASE}/reviews`]: json({
        items: [
          {
            action: "submit",
            revision: 3,
            actor_name: "李填报",
            message: null,
            comments: [],
            explanations: [],
            created_at: "2025-02-01T02:00:00Z",
          },
          {
            action: "return",
            revision: 3,
            actor_name: review.actorName,
            message: review.message,
            comments: review.comments,
            explanations: [],
            created_at: review.at,
          },
        ],
      }),
      [`GET ${BASE}/revisions/3`]: json({ ...detail, document }),
    });
    renderWithSession(
      <ReportFormPage agencyId={7} year={2024} />,
      aUser({ role: "submitter", agency_id: 7, region_agency_id: null }),
    );

    const notice = await screen.findByRole("region", { name: "报告已退回修改" });
    expect(within(notice).getByText("请核对予以公开的数字。")).toBeTruthy();
    expect(within(notice).getByText(/王审核 于 .* 退回/)).toBeTruthy();
    expect(within(notice).getByText("单元格批注（2 条待修改，共 2 条）")).toBeTruthy();
    expect(within(notice).getByText("与正文所述不一致")).toBeTruthy();

    const cell = screen.getByRole("textbox", { name: /（一）予以公开 · 自然人/ });
    expect(cell.className).toContain("cell-commented");
    const describedBy = cell.getAttribute("aria-describedby") ?? "";
    const comment = describedBy
      .split(" ")
      .map((id) => window.document.getElementById(id)?.textContent)
      .find((text) => text?.startsWith("审核意见"));
    expect(comment).toBe("审核意见：与正文所述不一致");

    fireEvent.focus(cell);
    fireEvent.change(cell, { target: { value: "12345" } });
    expect(await within(notice).findByText("单元格批注（1 条待修改，共 2 条）")).toBeTruthy();
    expect(within(notice).getByText("✓ 已修改")).toBeTruthy();
    expect(cell.className).not.toContain("cell-commented");
    // The comment on the narrative still offers the way to it.
    expect(within(notice).getByRole("button", { name: "定位到 正文 · 总体情况" })).toBeTruthy();
  }, 20_000);

  it("says nothing of a review once the report is no longer returned", async () => {
    const detail = {
      ...aReportDetail({ status: "draft", year: 2024 }, []),
      document: luoyangReport(),
    };
    const fetch = stubFetch({
      "GET /api/agencies/7": json({
        id: 7,
        name: "示范市教育局",
        level: "city",
        kind: "department",
      }),
      [`GET ${BASE}`]: json(detail),
      "GET /api/agencies/7/reports/2023": apiError(404, "not_found", "2023 年度报告不存在"),
    });
    renderWithSession(
      <ReportFormPage agencyId={7} year={2024} />,
      aUser({ role: "submitter", agency_id: 7, region_agency_id: null }),
    );
    await screen.findByRole("heading", { name: /示范市教育局/ });
    expect(screen.queryByRole("region", { name: "报告已退回修改" })).toBeNull();
    expect(fetch.mock.calls.some(([url]) => String(url).includes("/reviews"))).toBe(false);
  });
});
