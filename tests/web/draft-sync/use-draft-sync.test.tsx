import { act, cleanup, fireEvent, render, renderHook, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ConflictDialog } from "../../../web/components/conflict-dialog";
import { SaveStatus } from "../../../web/components/save-status";
import { I18nProvider } from "../../../web/i18n";
import { draftStorageKey, type ServerVersion } from "../../../web/lib/draft-sync";
import { SessionProvider } from "../../../web/lib/session";
import { useDraftSync, type UseDraftSyncOptions } from "../../../web/lib/use-draft-sync";
import type { ReportDocument } from "../../../worker/report/document";
import { aUser, apiError, json, stubFetch } from "../builders";

const API_PATH = "/api/agencies/7/reports/2024";
const USER = aUser({ role: "submitter" });
/** Drafts are stored per user and report. */
const KEY = draftStorageKey(API_PATH, USER.id);

const aDocument = (granted = 3, overview = "总体情况"): ReportDocument => ({
  template: "2021",
  year: 2024,
  section3: { rows: { granted: [2, 1, 0, 0, 0, 0, granted] } },
  text: { overview },
});

interface SaveRequest {
  base_revision: number;
  document: ReportDocument;
  note?: string;
  csrf: string | null;
}

/**
 * The report's two routes over a fake store, checking the base revision like the Worker does.
 * `down` makes every request fail as an unreachable server would.
 */
function aServer(start: ServerVersion) {
  const server = { ...start, down: false, puts: [] as SaveRequest[] };
  const current = () => ({
    report: { status: "draft", revision: server.revision, published: false },
    revision: { number: server.revision, author: "他人", created_at: "2025-01-10T08:00:00Z" },
    document: server.document,
    findings: [],
  });
  stubFetch({
    [`PUT ${API_PATH}`]: (init) => {
      if (server.down) throw new TypeError("Failed to fetch");
      const body = JSON.parse(String(init.body)) as Omit<SaveRequest, "csrf">;
      server.puts.push({ ...body, csrf: new Headers(init.headers).get("X-CSRF-Token") });
      if (body.base_revision !== server.revision) {
        return apiError(409, "stale_revision", "报告已被他人修改", { current: current() });
      }
      server.revision += 1;
      server.document = body.document;
      return json({ ...current(), unchanged: false }, 200);
    },
    [`GET ${API_PATH}`]: () => {
      if (server.down) throw new TypeError("Failed to fetch");
      return json(current());
    },
  });
  return server;
}

function wrapper({ children }: { children: ReactNode }) {
  return (
    <I18nProvider>
      <SessionProvider initial={{ user: USER, csrf_token: "csrf-abc" }}>{children}</SessionProvider>
    </I18nProvider>
  );
}

function renderDraft(options: Partial<UseDraftSyncOptions> & { initial: ServerVersion | null }) {
  return renderHook(() => useDraftSync({ agencyId: 7, year: 2024, ...options }), { wrapper });
}

/** Lets timers due within `ms` fire, and the fetches they start answer. */
const elapse = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

beforeEach(() => {
  window.localStorage.clear();
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2025-01-10T09:00:00Z"));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("useDraftSync", () => {
  it("sends two quick edits as one save of the latest document, with the CSRF token", async () => {
    const server = aServer({ document: aDocument(), revision: 3 });
    const { result } = renderDraft({ initial: { document: aDocument(), revision: 3 } });
    expect(result.current.status).toBe("saved");

    act(() => result.current.setDocument(aDocument(4)));
    await elapse(1000);
    act(() => result.current.setDocument(aDocument(5)));
    expect(result.current.status).toBe("unsaved");
    await elapse(1499);
    expect(server.puts).toHaveLength(0);
    await elapse(1);

    expect(server.puts).toEqual([{ base_revision: 3, document: aDocument(5), csrf: "csrf-abc" }]);
    expect(result.current).toMatchObject({ status: "saved", revision: 4, error: null });
    expect(result.current.lastSavedAt).toEqual(new Date("2025-01-10T09:00:02.500Z"));
  });

  it("bases each save on the revision the previous one produced", async () => {
    const server = aServer({ document: aDocument(), revision: 3 });
    const { result } = renderDraft({ initial: { document: aDocument(), revision: 3 } });
    act(() => result.current.setDocument(aDocument(4)));
    await elapse(1500);
    act(() => result.current.setDocument(aDocument(5)));
    await act(() => result.current.saveNow());
    expect(server.puts.map((p) => p.base_revision)).toEqual([3, 4]);
    expect(result.current.revision).toBe(5);
  });

  it("stops on a stale revision with both versions, and saves the merge on the server's revision", async () => {
    const server = aServer({ document: aDocument(), revision: 3 });
    const { result } = renderDraft({ initial: { document: aDocument(), revision: 3 } });
    // Someone else saves revision 4 meanwhile.
    server.revision = 4;
    server.document = aDocument(3, "他人写的总体情况");

    act(() => result.current.setDocument(aDocument(9)));
    await elapse(1500);
    expect(result.current.status).toBe("conflict");
    expect(result.current.conflict).toEqual({
      mine: aDocument(9),
      theirs: aDocument(3, "他人写的总体情况"),
      theirsRevision: 4,
      base: aDocument(),
    });
    act(() => result.current.setDocument(aDocument(10)));
    await elapse(60_000);
    expect(server.puts).toHaveLength(1);

    const merged = aDocument(10, "他人写的总体情况");
    await act(() => result.current.resolve(merged));
    expect(server.puts.at(-1)).toMatchObject({ base_revision: 4, document: merged });
    expect(result.current).toMatchObject({ status: "saved", revision: 5, conflict: null });
    expect(result.current.document).toEqual(merged);
  });

  it("keeps the draft in local storage while offline and saves it when the connection returns", async () => {
    const server = aServer({ document: aDocument(), revision: 3 });
    const { result } = renderDraft({ initial: { document: aDocument(), revision: 3 } });
    server.down = true;
    act(() => result.current.setDocument(aDocument(7)));
    await elapse(1500);

    expect(result.current.status).toBe("offline");
    expect(JSON.parse(window.localStorage.getItem(KEY)!)).toEqual({
      v: 1,
      baseRevision: 3,
      // Written again when the save failed.
      savedAt: "2025-01-10T09:00:01.500Z",
      document: aDocument(7),
    });

    server.down = false;
    await act(async () => {
      window.dispatchEvent(new Event("online"));
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(result.current).toMatchObject({ status: "saved", revision: 4 });
    expect(server.puts.at(-1)).toMatchObject({ base_revision: 3, document: aDocument(7) });
    expect(window.localStorage.getItem(KEY)).toBeNull();
  });

  it("retries on its own while offline", async () => {
    const server = aServer({ document: aDocument(), revision: 3 });
    const { result } = renderDraft({
      initial: { document: aDocument(), revision: 3 },
      retryMs: 10_000,
    });
    server.down = true;
    act(() => result.current.setDocument(aDocument(7)));
    await elapse(1500);
    await elapse(10_000);
    expect(result.current.status).toBe("offline");
    server.down = false;
    await elapse(10_000);
    expect(result.current.status).toBe("saved");
    expect(window.localStorage.getItem(KEY)).toBeNull();
  });

  it("restores an unsaved draft of the current revision on load and saves it", async () => {
    const server = aServer({ document: aDocument(), revision: 3 });
    window.localStorage.setItem(
      KEY,
      JSON.stringify({
        v: 1,
        baseRevision: 3,
        savedAt: "2025-01-10T08:59:00Z",
        document: aDocument(8),
      }),
    );
    const { result } = renderDraft({ initial: { document: aDocument(), revision: 3 } });
    expect(result.current.document).toEqual(aDocument(8));
    await elapse(0);
    expect(server.puts).toEqual([{ base_revision: 3, document: aDocument(8), csrf: "csrf-abc" }]);
    expect(result.current).toMatchObject({ status: "saved", revision: 4 });
    expect(window.localStorage.getItem(KEY)).toBeNull();
  });

  it("restores a draft of a report not yet on the server", async () => {
    const server = aServer({ document: aDocument(), revision: 0 });
    window.localStorage.setItem(
      KEY,
      JSON.stringify({
        v: 1,
        baseRevision: 0,
        savedAt: "2025-01-10T08:59:00Z",
        document: aDocument(8),
      }),
    );
    const { result } = renderDraft({ initial: null });
    await elapse(0);
    expect(server.puts.map((p) => p.base_revision)).toEqual([0]);
    expect(result.current).toMatchObject({ status: "saved", revision: 1 });
  });

  it("offers a draft of an older revision as a conflict instead of saving it", async () => {
    const server = aServer({ document: aDocument(3, "他人写的"), revision: 4 });
    window.localStorage.setItem(
      KEY,
      JSON.stringify({
        v: 1,
        baseRevision: 3,
        savedAt: "2025-01-10T08:59:00Z",
        document: aDocument(8),
      }),
    );
    const { result } = renderDraft({
      initial: { document: aDocument(3, "他人写的"), revision: 4 },
    });
    await elapse(60_000);
    expect(server.puts).toHaveLength(0);
    expect(result.current.status).toBe("conflict");
    expect(result.current.conflict).toMatchObject({
      mine: aDocument(8),
      theirs: aDocument(3, "他人写的"),
      theirsRevision: 4,
    });
  });

  it("reports a refused save with the server's message", async () => {
    stubFetch({
      [`PUT ${API_PATH}`]: apiError(409, "report_locked", "报告审核中，不能修改"),
    });
    const { result } = renderDraft({ initial: { document: aDocument(), revision: 3 } });
    act(() => result.current.setDocument(aDocument(4)));
    await elapse(1500);
    expect(result.current.status).toBe("error");
    expect(result.current.error?.message).toBe("报告审核中，不能修改");
    expect(window.localStorage.getItem(KEY)).not.toBeNull();
  });
});

/** A form in miniature: a field, the status line, and the dialog while in conflict. */
function Form({ initial }: { initial: ServerVersion }) {
  const draft = useDraftSync({ agencyId: 7, year: 2024, initial });
  const overview = draft.document?.text?.overview ?? "";
  return (
    <>
      <textarea
        aria-label="总体情况"
        value={overview}
        onChange={(event) =>
          draft.setDocument({ ...draft.document!, text: { overview: event.target.value } })
        }
      />
      <SaveStatus status={draft.status} lastSavedAt={draft.lastSavedAt} error={draft.error} />
      {draft.conflict && (
        <ConflictDialog
          conflict={draft.conflict}
          onResolve={(merged) => void draft.resolve(merged)}
        />
      )}
    </>
  );
}

describe("the report form's draft", () => {
  it("goes from a conflict through the dialog to a saved merge", async () => {
    const server = aServer({ document: aDocument(), revision: 3 });
    render(<Form initial={{ document: aDocument(), revision: 3 }} />, { wrapper });
    server.revision = 4;
    server.document = aDocument(6);

    fireEvent.change(screen.getByLabelText("总体情况"), { target: { value: "我写的" } });
    expect(screen.getByRole("status").textContent).toBe("未保存");
    await elapse(1500);
    expect(screen.getByRole("status").textContent).toBe("有冲突");
    const dialog = screen.getByRole("dialog", { name: "他人已修改此报告" });
    expect(dialog.querySelectorAll("tbody tr")).toHaveLength(2);

    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "合并并保存" }));
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(server.puts.at(-1)).toMatchObject({
      base_revision: 4,
      // My text, and their value of the cell only they changed: nobody's edit is undone.
      document: aDocument(6, "我写的"),
    });
    expect(screen.getByRole("status").textContent).toMatch(/^已保存（\d\d:\d\d）$/);
  });
});
