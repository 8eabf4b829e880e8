import { cleanup, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ApiRequestError } from "../../../web/api";
import { SaveStatus } from "../../../web/components/save-status";
import { I18nProvider } from "../../../web/i18n";
import type { SyncStatus } from "../../../web/lib/draft-sync";

afterEach(cleanup);

function statusText(
  status: SyncStatus,
  lastSavedAt: Date | null = null,
  error: Error | null = null,
) {
  render(
    <I18nProvider>
      <SaveStatus status={status} lastSavedAt={lastSavedAt} error={error} />
    </I18nProvider>,
  );
  const line = screen.getByRole("status");
  expect(line.getAttribute("aria-live")).toBe("polite");
  const text = line.textContent;
  cleanup();
  return text;
}

describe("SaveStatus", () => {
  it("tells, in Chinese, where the draft stands", () => {
    window.localStorage.clear();
    expect(statusText("saved")).toBe("已保存");
    expect(statusText("saved", new Date(2025, 0, 10, 14, 5))).toBe("已保存（14:05）");
    expect(statusText("saving")).toBe("保存中…");
    expect(statusText("unsaved")).toBe("未保存");
    expect(statusText("offline")).toBe("未保存，离线（恢复网络后自动保存）");
    expect(statusText("conflict")).toBe("有冲突");
    const locked = new ApiRequestError(409, "report_locked", "报告审核中，不能修改");
    expect(statusText("error", null, locked)).toBe("保存失败：报告审核中，不能修改");
  });

  it("speaks English when the reader chose it", async () => {
    window.localStorage.setItem("nianbao.locale", "en");
    const locked = new ApiRequestError(409, "report_locked", "报告审核中，不能修改", {
      messageEn: "The report is under review",
    });
    render(
      <I18nProvider>
        <SaveStatus status="error" lastSavedAt={null} error={locked} />
      </I18nProvider>,
    );
    // English loads on demand: the first paint is Chinese.
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe(
        "Save failed: The report is under review",
      ),
    );
    window.localStorage.clear();
  });
});
