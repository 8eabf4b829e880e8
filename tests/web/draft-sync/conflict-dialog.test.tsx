import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConflictDialog } from "../../../web/components/conflict-dialog";
import { I18nProvider } from "../../../web/i18n";
import type { Conflict } from "../../../web/lib/draft-sync";
import { diffDocuments } from "../../../worker/report/diff";
import type { ReportDocument } from "../../../worker/report/document";
import { figureDef } from "../../../worker/report/figures";

afterEach(cleanup);

const aDocument = (overrides: Partial<ReportDocument> = {}): ReportDocument =>
  ({
    template: "2021",
    year: 2024,
    section3: { rows: { granted: [2, 1, 0, 0, 0, 0, 3] } },
    section4: {
      reconsideration: [1, 0, 0, 0, 1],
      litigation_direct: [0, 0, 0, 0, 0],
      litigation_after_reconsideration: [0, 0, 0, 0, 0],
    },
    metrics: { website_visits: 1000 },
    text: { overview: "原来的总体情况" },
    ...overrides,
  }) as ReportDocument;

const base = aDocument();
const theirs = aDocument({
  section4: { ...base.section4!, reconsideration: [1, 1, 0, 0, 2] },
  metrics: { website_visits: 1200 },
});
const mine = aDocument({
  section3: { rows: { granted: [2, 1, 0, 0, 0, 0, 7] } },
  metrics: { website_visits: 1500 },
  text: { overview: "我写的总体情况" },
});
const conflict: Conflict = { mine, theirs, theirsRevision: 4, base };

function renderDialog(props: Partial<Conflict> = {}) {
  const onResolve = vi.fn<(merged: ReportDocument) => void>();
  const view = render(
    <I18nProvider>
      <button type="button">打开表单</button>
      <ConflictDialog conflict={{ ...conflict, ...props }} onResolve={onResolve} />
    </I18nProvider>,
  );
  return { ...view, onResolve, merged: () => onResolve.mock.calls.at(-1)![0] };
}

const rowOf = (label: string) => screen.getByRole("row", { name: new RegExp(`^${label}`) });
const choose = (label: string, side: "我的修改" | "他人保存的版本") =>
  fireEvent.click(within(rowOf(label)).getByRole("radio", { name: new RegExp(`^${side}`) }));
const merge = () => fireEvent.click(screen.getByRole("button", { name: "合并并保存" }));

const grantedTotal = figureDef("section3.granted.total").label;
const corrected = figureDef("section4.reconsideration.corrected").label;
const reconsiderationTotal = figureDef("section4.reconsideration.total").label;
const visits = figureDef("metrics.website_visits").label;

describe("ConflictDialog", () => {
  it("lists every differing cell by its printed label, mine beside theirs", () => {
    renderDialog();
    const dialog = screen.getByRole("dialog", { name: "他人已修改此报告" });
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    expect(dialog.textContent).toContain("他人保存了第 4 版");
    expect(
      within(dialog)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["项目", "我的修改", "他人保存的版本"]);
    const rows = within(dialog).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.querySelector("th")!.firstChild!.textContent)).toEqual([
      grantedTotal,
      corrected,
      reconsiderationTotal,
      visits,
      "正文 · 总体情况",
    ]);
    expect(rows).toHaveLength(diffDocuments(theirs, mine).length);
    const cells = within(rowOf(visits)).getAllByRole("cell");
    expect(cells.map((c) => c.textContent)).toEqual(["我的修改：1,500", "他人保存的版本：1,200"]);
  });

  it("starts on mine for the cells I changed and on theirs for those only they changed", () => {
    renderDialog();
    const mineRadio = (row: HTMLElement) =>
      within(row).getByRole<HTMLInputElement>("radio", { name: /^我的修改/ });
    expect(mineRadio(rowOf(grantedTotal)).checked).toBe(true);
    expect(mineRadio(rowOf(corrected)).checked).toBe(false);
    expect(rowOf(corrected).textContent).toContain("您未改动此项，由他人修改");
    expect(rowOf(grantedTotal).textContent).not.toContain("您未改动此项");
  });

  it("merges theirs with the cells chosen from mine", () => {
    const { merged } = renderDialog();
    choose(visits, "他人保存的版本");
    choose(corrected, "他人保存的版本");
    choose(reconsiderationTotal, "他人保存的版本");
    merge();
    expect(merged()).toEqual(
      aDocument({
        section3: { rows: { granted: [2, 1, 0, 0, 0, 0, 7] } },
        section4: { ...base.section4!, reconsideration: [1, 1, 0, 0, 2] },
        metrics: { website_visits: 1200 },
        text: { overview: "我写的总体情况" },
      }),
    );
  });

  it("keeps all of mine with 全部用我的, and all of theirs with 全部用他人的", () => {
    const { merged } = renderDialog();
    fireEvent.click(screen.getByRole("button", { name: "全部用他人的" }));
    merge();
    expect(diffDocuments(merged(), theirs)).toEqual([]);
    choose(grantedTotal, "他人保存的版本");
    fireEvent.click(screen.getByRole("button", { name: "全部用我的" }));
    merge();
    expect(diffDocuments(merged(), mine)).toEqual([]);
  });

  it("does not close or merge on Escape", () => {
    const { onResolve } = renderDialog();
    fireEvent.keyDown(screen.getByRole("dialog"), { key: "Escape" });
    expect(screen.getByRole("dialog")).toBeTruthy();
    expect(onResolve).not.toHaveBeenCalled();
  });

  it("takes focus, keeps it inside, and gives it back when it closes", () => {
    const opener = document.createElement("button");
    document.body.appendChild(opener);
    opener.focus();
    const { unmount } = renderDialog();
    const dialog = screen.getByRole("dialog");
    expect(document.activeElement).toBe(dialog);

    const mergeButton = screen.getByRole("button", { name: "合并并保存" });
    mergeButton.focus();
    fireEvent.keyDown(dialog, { key: "Tab" });
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "全部用我的" }));
    fireEvent.keyDown(dialog, { key: "Tab", shiftKey: true });
    expect(document.activeElement).toBe(mergeButton);

    screen.getByRole("button", { name: "打开表单" }).focus();
    expect(dialog.contains(document.activeElement)).toBe(true);

    unmount();
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });

  it("offers mine when the server no longer holds a version", () => {
    const { merged } = renderDialog({ theirs: null, theirsRevision: 0, base: null });
    expect(screen.getByRole("dialog").textContent).toContain("服务器上已没有此报告的版本");
    merge();
    expect(diffDocuments(merged(), mine)).toEqual([]);
  });
});
