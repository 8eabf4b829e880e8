import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { daysLeft, SeasonCard } from "../../web/components/season-card";
import { aReportDetail, apiError, aUser, json, renderWithSession, stubFetch } from "./builders";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const SEASON = {
  open_year: 2025,
  deadlines: { department_deadline: "2026-01-31", government_deadline: "2026-03-31" },
  years: [{ year: 2024, published: 10 }],
  default_year: 2025,
  default_region: null,
};
const REPORT = "GET /api/agencies/7/reports/2025";
const submitter = aUser({ role: "submitter", agency_id: 7, region_agency_id: null });

describe("daysLeft", () => {
  it("counts to the end of the deadline day in China Standard Time", () => {
    // 31 January ends at 16:00 UTC.
    expect(daysLeft("2026-01-31", new Date("2026-01-31T15:59:00Z"))).toBe(1);
    expect(daysLeft("2026-01-31", new Date("2026-01-30T16:00:00Z"))).toBe(1);
    expect(daysLeft("2026-01-31", new Date("2026-01-30T15:59:00Z"))).toBe(2);
    expect(daysLeft("2026-01-31", new Date("2026-02-02T16:00:00Z"))).toBe(-2);
  });
});

describe("SeasonCard", () => {
  const now = new Date("2026-01-21T04:00:00Z");

  it("starts a department's report not yet begun, counting down to its deadline", async () => {
    stubFetch({ [REPORT]: () => apiError(404, "not_found", "不存在") });
    renderWithSession(
      <SeasonCard agencyId={7} kind="department" season={SEASON} now={now} />,
      submitter,
    );
    const start = await screen.findByRole("link", { name: "开始填报 2025 年度报告" });
    expect(start.getAttribute("href")).toBe("/reports/7/2025/edit");
    expect(screen.getByText("未开始")).toBeTruthy();
    expect(screen.getByText("截止 2026-01-31，还有 11 天")).toBeTruthy();
  });

  it("continues a returned government report, against the government deadline", async () => {
    stubFetch({ [REPORT]: json(aReportDetail({ status: "returned" })) });
    renderWithSession(
      <SeasonCard agencyId={7} kind="government" season={SEASON} now={now} />,
      submitter,
    );
    const next = await screen.findByRole("link", { name: "继续填写" });
    expect(next.getAttribute("href")).toBe("/reports/7/2025/edit");
    expect(screen.getByText("已退回")).toBeTruthy();
    expect(screen.getByText("截止 2026-03-31，还有 70 天")).toBeTruthy();
  });

  it("offers a submitted report to read, with no countdown", async () => {
    stubFetch({ [REPORT]: json(aReportDetail({ status: "submitted" })) });
    renderWithSession(
      <SeasonCard agencyId={7} kind="department" season={SEASON} now={now} />,
      submitter,
    );
    const view = await screen.findByRole("link", { name: "查看报告" });
    expect(view.getAttribute("href")).toBe("/reports/7/2025");
    expect(screen.queryByText(/还有|逾期/)).toBeNull();
  });
});
