import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RevisionHistoryPage } from "../../web/pages/revision-history-page";
import { aUser, json, renderWithSession, stubFetch } from "./builders";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const aRevision = (number: number, overrides: Record<string, unknown> = {}) => ({
  number,
  author: "李填报",
  note: null,
  source: null,
  created_at: `2025-01-1${number}T08:00:00Z`,
  change_count: 0,
  error_count: 0,
  warning_count: 0,
  changes: [],
  ...overrides,
});

function renderHistory(items: ReturnType<typeof aRevision>[], changes: unknown[] = []) {
  stubFetch({
    "GET /api/agencies/7/reports/2025/revisions": json({ items }),
    "GET /api/agencies/7/reports/2025/diff": json({ from: 2, to: 3, changes }),
  });
  renderWithSession(<RevisionHistoryPage agencyId={7} year={2025} />, aUser({ role: "admin" }));
}

const rowOf = async (number: number) => {
  const table = await screen.findByRole("table", { name: "" });
  return within(table)
    .getAllByRole("row")
    .find((row) => row.querySelector("td")?.textContent === String(number))!;
};

describe("the revision history", () => {
  it("tells an import and its undo apart, rather than two rows of the same count", async () => {
    renderHistory([
      aRevision(4, { change_count: 1, warning_count: 3 }),
      aRevision(3, { source: "import_undo", change_count: 102 }),
      aRevision(2, { source: "import", change_count: 102, error_count: 2, warning_count: 3 }),
      aRevision(1),
    ]);
    expect((await rowOf(2)).textContent).toContain("导入");
    expect((await rowOf(2)).textContent).toContain("改动 102 处");
    expect((await rowOf(3)).textContent).toContain("撤销导入");
    expect((await rowOf(3)).textContent).toContain("改动 102 处");
    expect((await rowOf(4)).textContent).not.toContain("导入");
    expect((await rowOf(4)).textContent).toContain("改动 1 处");
    expect((await rowOf(1)).textContent).toContain("新建");
  });

  it("says the findings in words", async () => {
    renderHistory([
      aRevision(3, { error_count: 2, warning_count: 3 }),
      aRevision(2, { error_count: 0, warning_count: 1 }),
      aRevision(1),
    ]);
    expect((await rowOf(3)).textContent).toContain("2 个错误，3 个提示");
    expect((await rowOf(3)).textContent).not.toContain("2 / 3");
    expect((await rowOf(2)).textContent).toContain("0 个错误，1 个提示");
    expect((await rowOf(1)).textContent).toContain("无错误或提示");
  });

  it("shows a correction's reason under its changes", async () => {
    renderHistory([aRevision(2, { note: "更正表三笔误", change_count: 1 }), aRevision(1)]);
    expect((await rowOf(2)).textContent).toContain("更正表三笔误");
  });

  it("names every changed place by its label and says notes in words", async () => {
    renderHistory(
      [aRevision(3, { change_count: 3 }), aRevision(2), aRevision(1)],
      [
        { path: "section3.granted.total", before: 12, after: 13 },
        { path: "text.overview", before: undefined, after: "总体情况" },
        {
          path: "metric_notes.website_visits",
          before: null,
          after: { as_printed: "5500余次", approximate: true },
        },
      ],
    );
    const diff = await screen.findByRole("table", { name: "第 2 版与第 3 版的差异" });
    expect(within(diff).getByRole("row", { name: /正文 · 总体情况/ }).textContent).toContain(
      "总体情况",
    );
    const note = within(diff).getByRole("row", { name: /网站访问量 · 口径说明/ });
    expect(note.textContent).toContain("约数；按原文照录：5500余次");
    for (const code of ["text.overview", "metric_notes", "as_printed", "approximate", "{"]) {
      expect(diff.textContent).not.toContain(code);
    }
  });
});
