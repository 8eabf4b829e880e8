import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ComparePage } from "../../../web/pages/compare-page";
import { aUser, json, renderWithSession, stubFetch } from "../builders";
import { aCompareAnswer } from "./compare-builders";
import { forgetSeason } from "../../../web/lib/use-season";
import { OUTCOME_ROW_KEYS } from "../../../worker/report/templates";

const size = { width: 600, height: 300 };

const agencies = {
  "GET /api/agencies": json({ items: [], total: 0 }),
  "GET /api/agencies/100": json({ id: 100, name: "示范省政府" }),
};

const compareCalls = (fetch: ReturnType<typeof stubFetch>) =>
  fetch.mock.calls
    .map(([url]) => new URL(String(url), "http://localhost"))
    .filter((url) => url.pathname === "/api/compare");

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("ComparePage", () => {
  beforeEach(() =>
    window.history.replaceState(
      null,
      "",
      "/dashboard/compare?year=2024&under=100&preset=disclosure_rate",
    ),
  );

  it("ranks the agencies and shows the count, not a rank, for one below the minimum", async () => {
    const fetch = stubFetch({ ...agencies, "GET /api/compare": json(aCompareAnswer()) });
    renderWithSession(<ComparePage chartSize={size} />, aUser({ role: "reviewer" }));

    const ranking = await screen.findByRole("table", { name: "排名" });
    expect(within(ranking).getByRole("button", { name: "名次（高者为优） ▲" })).toBeTruthy();
    const rows = within(ranking).getAllByRole("row").slice(1);
    expect(rows.map((row) => row.firstChild?.textContent)).toEqual(["1", "2", "—"]);
    expect(rows[0]!.textContent).toContain("东城区政府");
    expect(rows[0]!.textContent).toContain("90%");
    const below = within(ranking).getByRole("row", { name: /西城区政府/ });
    expect(below.textContent).toContain("2 / 3 件");
    expect(below.textContent).toContain("分母少于 5 件");
    expect(within(ranking).getByRole("link", { name: "示范市政府" }).getAttribute("href")).toBe(
      "/dashboard/agency/41",
    );

    const [call] = compareCalls(fetch);
    expect(call!.searchParams.get("figure")).toBe("indicator.disclosure_rate");
    expect(call!.searchParams.get("years")).toBe("2024");
    expect(call!.searchParams.get("rank")).toBe("true");
    // The download is every matching report: no page size to cut it at.
    const csv = new URL(
      screen.getByRole("link", { name: "下载数据（CSV）" }).getAttribute("href")!,
      "http://localhost",
    );
    expect(csv.searchParams.get("format")).toBe("csv");
    expect(csv.searchParams.get("figure")).toBe("indicator.disclosure_rate");
    expect([csv.searchParams.has("limit"), csv.searchParams.has("offset")]).toEqual([false, false]);
  });

  it("heads the rank column with the direction: the lowest correction rate ranks first", async () => {
    window.history.replaceState(
      null,
      "",
      "/dashboard/compare?year=2024&under=100&preset=correction_rate&scope=self",
    );
    stubFetch({
      ...agencies,
      "GET /api/compare": json(aCompareAnswer({ direction: "lower_first", better: "lower" })),
    });
    renderWithSession(<ComparePage chartSize={size} />, aUser({ role: "reviewer" }));

    const ranking = await screen.findByRole("table", { name: "排名" });
    expect(within(ranking).getAllByRole("columnheader")[0]!.textContent).toBe("名次（低者为优） ▲");
    // A rate may rank across levels: no peer note.
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("asks the server for the order and the page, and keeps both in the URL", async () => {
    const fetch = stubFetch({
      ...agencies,
      "GET /api/compare": json(aCompareAnswer({ total: 120 })),
    });
    renderWithSession(<ComparePage chartSize={size} />, aUser({ role: "reviewer" }));

    const ranking = await screen.findByRole("table", { name: "排名" });
    expect(compareCalls(fetch)[0]!.searchParams.get("sort")).toBe("rank");
    expect(compareCalls(fetch)[0]!.searchParams.get("limit")).toBe("50");
    fireEvent.click(within(ranking).getByRole("button", { name: "数值" }));
    await waitFor(() => expect(compareCalls(fetch)).toHaveLength(2));
    const byValue = compareCalls(fetch)[1]!.searchParams;
    expect([byValue.get("sort"), byValue.get("dir"), byValue.get("offset")]).toEqual([
      "value",
      "asc",
      "0",
    ]);
    expect(new URLSearchParams(window.location.search).get("sort")).toBe("value");

    expect(await screen.findByText("第 1–50 条，共 120 条")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "下一页" }));
    await waitFor(() => expect(compareCalls(fetch)).toHaveLength(3));
    expect(compareCalls(fetch)[2]!.searchParams.get("offset")).toBe("50");
    expect(new URLSearchParams(window.location.search).get("offset")).toBe("50");
  });

  it("asks for the totals of all 21 outcome rows for the outcome mix", async () => {
    window.history.replaceState(null, "", "/dashboard/compare?year=2024&under=100&preset=outcomes");
    const fetch = stubFetch({
      ...agencies,
      "GET /api/compare": json(aCompareAnswer({ ranking: [], items: [] })),
    });
    renderWithSession(<ComparePage chartSize={size} />, aUser({ role: "reviewer" }));

    await screen.findByRole("table", { name: "办理结果构成" });
    const calls = compareCalls(fetch);
    const asked = calls.flatMap((url) => url.searchParams.get("figure")!.split(","));
    const outcomeRows = OUTCOME_ROW_KEYS("split").map((key) => `section3.${key}.total`);
    expect(outcomeRows).toHaveLength(21);
    expect(asked).toEqual(["section3.total_processed.total", ...outcomeRows]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.searchParams.get("rank")).toBe("true");
  });

  it("shows the families of the outcome mix as shares of each agency's outcomes", async () => {
    window.history.replaceState(null, "", "/dashboard/compare?year=2024&under=100&preset=outcomes");
    const values = {
      "section3.total_processed.total": 10,
      "section3.granted.total": 6,
      "section3.denied_state_secret.total": 1,
      "section3.denied_law_forbidden.total": 3,
    };
    stubFetch({
      ...agencies,
      "GET /api/compare": json(
        aCompareAnswer({
          items: [{ agency_id: 41, year: 2024, status: "approved", values }],
          ranking: [{ agency_id: 41, year: 2024, rank: 1, reason: "ok", value: 10 }],
        }),
      ),
    });
    renderWithSession(<ComparePage chartSize={size} />, aUser({ role: "reviewer" }));

    const table = await screen.findByRole("table", { name: "办理结果构成" });
    const row = within(table).getByRole("row", { name: /示范市政府/ });
    const cells = within(row)
      .getAllByRole("cell")
      .map((td) => td.textContent);
    expect(cells[0]).toBe("6 60%");
    expect(cells[2]).toBe("4 40%");
  });

  it("asks the server to pick a group rather than refuse a mix, shows the scope it took, and offers the other", async () => {
    const fetch = stubFetch({
      ...agencies,
      "GET /api/compare": json(
        aCompareAnswer({
          picked: {
            level: null,
            kind: null,
            scope: "self",
            reason: "mixed_scope",
            scopes: ["region", "self"],
            peers: [],
          },
        }),
      ),
    });
    const entries = window.history.length;
    renderWithSession(<ComparePage chartSize={size} />, aUser({ role: "reviewer" }));

    await screen.findByRole("table", { name: "排名" });
    const note = screen.getByRole("status");
    expect(note.textContent).toContain("本页已只显示“本机关”报告");
    expect(note.textContent).not.toMatch(/region|self/);
    expect(screen.queryByRole("alert")).toBeNull();
    const asked = compareCalls(fetch);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.searchParams.get("pick")).toBe("true");
    expect(asked[0]!.searchParams.get("scope")).toBeNull();
    const scope = screen.getByRole("combobox", { name: "报告范围" });
    expect(within(scope).getByRole("option", { selected: true }).textContent).toBe("本机关");
    expect(window.history.length).toBe(entries);

    fireEvent.click(within(note).getByRole("button", { name: "只比较“全地区”报告" }));
    expect(new URLSearchParams(window.location.search).get("scope")).toBe("region");
  });

  it("shows the peer group the server ranked for a raw count, and offers the others it found", async () => {
    window.history.replaceState(null, "", "/dashboard/compare?year=2024&under=100&preset=visits");
    const peers = [
      { level: "county", kind: "department", scope: "self", reports: 12 },
      { level: "city", kind: "government", scope: "region", reports: 1 },
    ];
    const visits = (picked: boolean) =>
      aCompareAnswer({
        figures: ["metrics.website_visits"],
        items: [
          {
            agency_id: 41,
            year: 2024,
            status: "approved",
            values: { "metrics.website_visits": 900 },
          },
        ],
        ranking: [
          { agency_id: 41, year: 2024, rank: 1, reason: "ok", value: 900, denominator: null },
        ],
        total: 1,
        direction: "higher_first",
        better: null,
        ...(picked
          ? {
              picked: {
                level: "county",
                kind: "department",
                scope: "self",
                reason: "mixed_peers",
                scopes: [],
                peers,
              },
            }
          : {}),
      });
    let calls = 0;
    const fetch = stubFetch({
      ...agencies,
      "GET /api/compare": () => json(visits(calls++ === 0)),
    });
    renderWithSession(<ComparePage chartSize={size} />, aUser({ role: "reviewer" }));

    const ranking = await screen.findByRole("table", { name: "排名" });
    expect(within(ranking).getAllByRole("columnheader")[0]!.textContent).toBe("名次（大者居前） ▲");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(compareCalls(fetch)).toHaveLength(1);
    const note = screen.getByRole("status");
    expect(note.textContent).toBe(
      "原始数量只在同层级、同类型、同范围的机构之间排名。 本页已选定县级部门（本机关）（12 份报告）。改为比较市级政府（全地区）（1 份）",
    );
    const kind = screen.getByRole("combobox", { name: "机构类型" });
    expect(within(kind).getByRole("option", { selected: true }).textContent).toBe("部门");

    fireEvent.click(
      within(note).getByRole("button", { name: "改为比较市级政府（全地区）（1 份）" }),
    );
    const url = new URLSearchParams(window.location.search);
    expect([url.get("level"), url.get("kind"), url.get("scope")]).toEqual([
      "city",
      "government",
      "region",
    ]);
    await waitFor(() => expect(compareCalls(fetch)).toHaveLength(2));
    await screen.findByRole("table", { name: "排名" });
    expect(screen.getByRole("status").textContent).toContain(
      "本页已选定市级政府（全地区）（1 份报告）",
    );
  });

  it("keeps the rest of the picked group when the reader changes one filter", async () => {
    window.history.replaceState(null, "", "/dashboard/compare?year=2024&under=100&preset=visits");
    stubFetch({
      ...agencies,
      "GET /api/compare": json(
        aCompareAnswer({
          figures: ["metrics.website_visits"],
          picked: {
            level: "county",
            kind: "department",
            scope: "self",
            reason: "mixed_peers",
            scopes: [],
            peers: [{ level: "county", kind: "department", scope: "self", reports: 3 }],
          },
        }),
      ),
    });
    renderWithSession(<ComparePage chartSize={size} />, aUser({ role: "reviewer" }));
    await screen.findByRole("table", { name: "排名" });

    fireEvent.change(screen.getByRole("combobox", { name: "层级" }), {
      target: { value: "city" },
    });
    const url = new URLSearchParams(window.location.search);
    expect([url.get("level"), url.get("kind"), url.get("scope")]).toEqual([
      "city",
      "department",
      "self",
    ]);
  });

  it("says when the year has no published reports and offers the latest year that has", async () => {
    window.history.replaceState(null, "", "/dashboard/compare?year=2025&under=100");
    forgetSeason();
    stubFetch({
      ...agencies,
      "GET /api/season": json({
        open_year: 2025,
        deadlines: null,
        years: [
          { year: 2024, published: 12 },
          { year: 2023, published: 30 },
        ],
        default_year: 2025,
        default_region: { id: 100, name: "示范省政府" },
      }),
      "GET /api/compare": json(aCompareAnswer({ total: 0, agencies: [], items: [], ranking: [] })),
    });
    renderWithSession(<ComparePage chartSize={size} />, aUser({ role: "reviewer" }));

    const empty = await screen.findByText(/2025 年还没有可比较的已发布报告/);
    expect(screen.queryByRole("table", { name: "排名" })).toBeNull();
    fireEvent.click(within(empty.closest(".empty")!).getByRole("button", { name: "看 2024 年" }));
    expect(new URLSearchParams(window.location.search).get("year")).toBe("2024");
  });
});
