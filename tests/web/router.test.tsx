import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../web/app";
import { matchRoute, safeNext } from "../../web/lib/router";
import { aUser, json, renderWithSession, stubFetch } from "./builders";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, "", "/");
});

describe("matchRoute", () => {
  it("picks a page for every known path, with or without a trailing slash", () => {
    expect(matchRoute("/")).toEqual({ page: "home" });
    expect(matchRoute("/login")).toEqual({ page: "login" });
    expect(matchRoute("/invite")).toEqual({ page: "accept", purpose: "invite" });
    expect(matchRoute("/reset/")).toEqual({ page: "accept", purpose: "reset" });
    expect(matchRoute("/admin/users")).toEqual({ page: "users" });
    expect(matchRoute("/admin/agencies")).toEqual({ page: "agencies" });
    expect(matchRoute("/admin/audit")).toEqual({ page: "audit" });
    expect(matchRoute("/admin/outbox")).toEqual({ page: "outbox" });
    expect(matchRoute("/notifications/")).toEqual({ page: "notifications" });
    expect(matchRoute("/review")).toEqual({ page: "review" });
    expect(matchRoute("/reports/42/2024")).toEqual({ page: "report", agencyId: 42, year: 2024 });
  });

  it("picks the public pages and the embed builder", () => {
    expect(matchRoute("/public")).toEqual({ page: "public" });
    expect(matchRoute("/public/")).toEqual({ page: "public" });
    expect(matchRoute("/public/agency/7")).toEqual({ page: "public_agency", agencyId: 7 });
    expect(matchRoute("/public/agency/7/2023")).toEqual({
      page: "public_report",
      agencyId: 7,
      year: 2023,
    });
    expect(matchRoute("/public/region/410300")).toEqual({ page: "public_region", code: "410300" });
    expect(matchRoute("/public/region/41")).toEqual({ page: "public_region", code: "41" });
    expect(matchRoute("/dashboard/embed")).toEqual({ page: "embed_builder" });
  });

  it("sends malformed public addresses to the not-found page", () => {
    expect(matchRoute("/public/agency/0").page).toBe("not_found");
    expect(matchRoute("/public/agency/7/23").page).toBe("not_found");
    expect(matchRoute("/public/agency/7/2023/print").page).toBe("not_found");
    expect(matchRoute("/public/region/4").page).toBe("not_found");
    expect(matchRoute("/public/region/4103001").page).toBe("not_found");
    expect(matchRoute("/public/region/41a").page).toBe("not_found");
  });

  it("sends malformed report addresses and unknown paths to the not-found page", () => {
    expect(matchRoute("/reports/0/2024").page).toBe("not_found");
    expect(matchRoute("/reports/abc/2024").page).toBe("not_found");
    expect(matchRoute("/reports/42/24").page).toBe("not_found");
    expect(matchRoute("/admin").page).toBe("not_found");
  });

  it("returns after sign-in only to paths of this site", () => {
    expect(safeNext("/review?year=2024")).toBe("/review?year=2024");
    expect(safeNext("//evil.example")).toBe("/");
    expect(safeNext("/\\evil.example")).toBe("/");
    expect(safeNext("https://evil.example")).toBe("/");
    expect(safeNext(null)).toBe("/");
  });
});

describe("App", () => {
  it("renders the page of the current path", () => {
    window.history.replaceState(null, "", "/login");
    renderWithSession(<App />);
    expect(screen.getByRole("heading", { name: "登录" })).toBeTruthy();
  });

  it("offers the public a way to sign in instead of an administrator page", () => {
    window.history.replaceState(null, "", "/admin/audit");
    renderWithSession(<App />);
    expect(screen.getByText("此页面需要登录。")).toBeTruthy();
    const link = screen.getAllByRole("link", { name: "登录" }).at(-1)!;
    expect(link.getAttribute("href")).toBe("/login?next=%2Fadmin%2Faudit");
  });

  it("shows the public pages to a visitor who is not signed in, and links them from the header", async () => {
    stubFetch({
      "GET /api/public/agencies/7/reports/2023": json({
        agency: { id: 7, name: "示例市人民政府办公室" },
        year: 2023,
        revision: 1,
        published_at: "2024-01-20T08:00:00Z",
        first_published_at: "2024-01-20T08:00:00Z",
        corrections: 0,
        document: { template: "2021", year: 2023 },
        findings: [],
        explanations: [],
        licence: {
          name: "CC-BY-4.0",
          title: "CC BY 4.0",
          url: "https://x",
          statement: "s",
          statementEn: "s",
        },
        data_version: 1,
      }),
      "GET /api/public/agencies/7/reports/2023/corrections": json({
        first_published_at: "2024-01-20T08:00:00Z",
        items: [],
      }),
    });
    window.history.replaceState(null, "", "/public/agency/7/2023");
    renderWithSession(<App />);

    await screen.findByRole(
      "heading",
      { name: "示例市人民政府办公室2023年政府信息公开工作年度报告" },
      { timeout: 5000 },
    );
    expect(screen.queryByText("此页面需要登录。")).toBeNull();
    const nav = screen.getByRole("navigation", { name: "主导航" });
    expect(within(nav).getByRole("link", { name: "公开数据" }).getAttribute("href")).toBe(
      "/public",
    );
  });

  it("navigates in place when a header link is clicked", async () => {
    stubFetch({ "GET /api/reports": json({ items: [], total: 0, limit: 50, offset: 0 }) });
    window.history.replaceState(null, "", "/login");
    renderWithSession(<App />, aUser());
    fireEvent.click(screen.getByRole("link", { name: "审核" }));
    expect(window.location.pathname).toBe("/review");
    expect(await screen.findByText("没有符合条件的报告")).toBeTruthy();
    expect(screen.getByRole("link", { name: "审核" }).getAttribute("aria-current")).toBe("page");
  });

  it("shows each role only the links it can use", () => {
    window.history.replaceState(null, "", "/login");
    renderWithSession(<App />, aUser({ role: "submitter", agency_id: 7, region_agency_id: null }));
    const nav = screen.getByRole("navigation", { name: "主导航" });
    const names = [...nav.querySelectorAll("a")].map((a) => a.textContent);
    expect(names).toEqual(["机构", "本机构年报", "公开数据"]);
    expect(screen.getByText("机构填报员")).toBeTruthy();
    expect(screen.getByRole("button", { name: "退出" })).toBeTruthy();
  });
});
