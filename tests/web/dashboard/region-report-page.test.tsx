import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RegionReportPage } from "../../../web/pages/region-report-page";
import { aUser, json, renderWithSession, stubFetch } from "../builders";
import { aRegionReport } from "./builders";

beforeEach(() =>
  window.history.replaceState(null, "", "/dashboard/region-report?year=2024&under=100"),
);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const routes = () => ({
  "GET /api/agencies": json({ items: [], total: 0 }),
  "GET /api/agencies/100": json({ id: 100, name: "示范省政府" }),
  "GET /api/region-report": json(aRegionReport()),
});

describe("RegionReportPage", () => {
  it("lists the ledger and filters it by inclusion", async () => {
    stubFetch(routes());
    renderWithSession(<RegionReportPage />, aUser({ role: "reviewer" }));

    const ledger = await screen.findByRole("region", { name: "汇总台账" });
    expect(within(ledger).getAllByRole("row")).toHaveLength(4);
    expect(within(ledger).getByRole("link", { name: "示范市政府" }).getAttribute("href")).toBe(
      "/reports/51/2024",
    );

    fireEvent.change(within(ledger).getByLabelText("汇总情况"), { target: { value: "missing" } });
    expect(within(ledger).getAllByRole("row")).toHaveLength(2);
    expect(within(ledger).getByRole("rowheader", { name: "北城区政府" })).toBeTruthy();
    expect(new URLSearchParams(window.location.search).get("inclusion")).toBe("missing");
  });

  it("offers the tables and the ledger as CSV, and both as one XLSX, for the same region and year", async () => {
    stubFetch(routes());
    renderWithSession(<RegionReportPage />, aUser({ role: "admin" }));

    const tables = await screen.findByRole("link", { name: "下载汇总表（CSV）" });
    expect(tables.getAttribute("href")).toBe(
      "/api/region-report?year=2024&under=100&format=csv&part=tables",
    );
    expect(screen.getByRole("link", { name: "下载台账（CSV）" }).getAttribute("href")).toBe(
      "/api/region-report?year=2024&under=100&format=csv&part=ledger",
    );
    expect(screen.getByRole("link", { name: "导出 XLSX" }).getAttribute("href")).toBe(
      "/api/region-report?year=2024&under=100&format=xlsx",
    );
    expect(screen.getByRole("button", { name: "打印" })).toBeTruthy();
  });

  it("shows the counts and the summed tables in the official layout", async () => {
    stubFetch(routes());
    renderWithSession(<RegionReportPage />, aUser({ role: "admin" }));

    const counts = await screen.findByRole("region", { name: "汇总范围" });
    const cards = within(counts).getByRole("list", { name: "汇总范围" });
    expect(
      within(cards)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["已纳入3", "未发布1", "未报送1"]);
    expect(document.querySelectorAll(".report-table").length).toBeGreaterThan(0);
    expect(screen.getByText("120")).toBeTruthy();
  });
});

describe("RegionReportPage's whole-region view", () => {
  it("sets the scope in the URL, asks for whole-region sums and names every inclusion", async () => {
    const fetch = stubFetch(routes());
    renderWithSession(<RegionReportPage />, aUser({ role: "admin" }));
    fireEvent.change(await screen.findByLabelText("汇总口径"), { target: { value: "region" } });

    expect(new URLSearchParams(window.location.search).get("scope")).toBe("region");
    const counts = await screen.findByRole("list", { name: "汇总范围" });
    expect(
      within(counts)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["已纳入3", "已含于上级报告0", "由下级报告代替0", "未发布1", "未报送1"]);
    expect(fetch.mock.calls.some(([url]) => String(url).includes("scope=region"))).toBe(true);
  });

  it("sets the region's own report beside the sum of its parts and flags a large difference", async () => {
    stubFetch(routes());
    renderWithSession(<RegionReportPage />, aUser({ role: "admin" }));

    const check = await screen.findByRole("region", { name: "本级自报与汇总核对" });
    const flagged = within(check).getByRole("row", { name: /本年新收/ });
    expect(flagged.textContent).toContain("130");
    expect(flagged.textContent).toContain("60");
    expect(flagged.textContent).toContain("相差较大");
    const [, , unflagged] = within(check).getAllByRole("row");
    expect(unflagged!.textContent).toContain("98");
    expect(unflagged!.textContent).not.toContain("相差较大");
    expect(screen.getByText("已纳入 3 / 应报 3")).toBeTruthy();
    expect(screen.getByText(/现行有效件数”不汇总/)).toBeTruthy();
  });
});
