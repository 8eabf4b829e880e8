import { act, cleanup, fireEvent, render, renderHook, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ReportDocument } from "../../../worker/report/document";
import type { RevisionSource } from "../../../worker/report/revision-sources";
import { ImportUndoBar } from "../../../web/components/import-undo-bar";
import { I18nProvider } from "../../../web/i18n";
import { useUndoableImport } from "../../../web/lib/use-undoable-import";
import { aParsedDocument } from "./builders";

afterEach(cleanup);

describe("ImportUndoBar", () => {
  it("tells that the report was imported and undoes it on request", () => {
    window.localStorage.clear();
    const onUndo = vi.fn();
    const onDismiss = vi.fn();
    render(
      <I18nProvider>
        <ImportUndoBar onUndo={onUndo} onDismiss={onDismiss} />
      </I18nProvider>,
    );
    expect(screen.getByRole("status").textContent).toContain("已从年报导入。");
    fireEvent.click(screen.getByRole("button", { name: "撤销导入" }));
    expect(onUndo).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole("button", { name: "关闭" }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });
});

describe("useUndoableImport", () => {
  const before = { template: "2021", year: 2024 } as ReportDocument;
  const imported = aParsedDocument();

  it("puts the import in the form and the previous document back on undo, each named as such", () => {
    const setDocument = vi.fn<(document: ReportDocument, source: RevisionSource) => void>();
    const { result } = renderHook(() => useUndoableImport(setDocument));
    expect(result.current.canUndo).toBe(false);

    act(() => result.current.apply(imported, before));
    expect(setDocument).toHaveBeenLastCalledWith(imported, "import");
    expect(result.current.canUndo).toBe(true);

    act(() => result.current.undo());
    expect(setDocument).toHaveBeenLastCalledWith(before, "import_undo");
    expect(result.current.canUndo).toBe(false);
  });

  it("keeps the import once the bar is dismissed", () => {
    const setDocument = vi.fn<(document: ReportDocument, source: RevisionSource) => void>();
    const { result } = renderHook(() => useUndoableImport(setDocument));
    act(() => result.current.apply(imported, before));
    act(() => result.current.dismiss());
    expect(result.current.canUndo).toBe(false);
    act(() => result.current.undo());
    expect(setDocument).toHaveBeenCalledTimes(1);
  });
});
