import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { QualityPage } from "../../../web/pages/quality-page";
import { aUser, json, renderWithSession, stubFetch } from "../builders";
import { aQualityAnswer } from "./compare-builders";

beforeEach(() => window.history.replaceState(null, "", "/dashboard/quality?year=2024&under=100"));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const agencies = {
  "GET /api/agencies": json({ items: [], total: 0 }),
  "GET /api/agencies/100": json({ id: 100, name: "示范省政府" }),
};

describe("QualityPage", () => {
  it("lists a hard finding with the submitter's explanation, and an outlier", async () => {
    const fetch = stubFetch({ ...agencies, "GET /api/quality": json(aQualityAnswer()) });
    renderWithSession(<QualityPage />, aUser({ role: "reviewer" }));

    const hard = await screen.findByRole("region", { name: "存在勾稽错误的报告" });
    const row = within(hard).getByRole("row", { name: /示范市教育局/ });
    expect(row.textContent).toContain("各申请人列合计=12，总计=13");
    expect(row.textContent).toContain("自然人一栏漏填一件，已在正式稿更正。");
    expect(within(row).getByRole("link").getAttribute("href")).toBe("/reports/41/2024");

    const outliers = screen.getByRole("region", { name: "异常值" });
    const outlier = within(outliers).getByRole("row", { name: /示范市教育局/ });
    expect(outlier.textContent).toContain("本年新收政府信息公开申请数量");
    expect(outlier.textContent).toContain("1,200");
    expect(outlier.textContent).toContain("37.1");
    expect(outlier.textContent).toContain("与自身历史相比");
    expect(within(outlier).getByRole("link").getAttribute("href")).toBe("/reports/41/2024");

    const call = fetch.mock.calls.find(([url]) => String(url).startsWith("/api/quality"));
    expect(String(call![0])).toBe("/api/quality?year=2024&under=100&basis=published");
  });

  it("shows the findings in English when the reader chose English", async () => {
    stubFetch({ ...agencies, "GET /api/quality": json(aQualityAnswer()) });
    window.history.replaceState(null, "", "/dashboard/quality?year=2024&under=100&lang=en");
    renderWithSession(<QualityPage />, aUser({ role: "reviewer" }));

    expect(await screen.findByText(/the applicant columns add up to 12/)).toBeTruthy();
    expect(screen.getByText("Its own history")).toBeTruthy();
  });
});
