/** What the form's autosave says made each save: an import, its undo, or typing (none). */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DraftSync, type SaveBody } from "../../../web/lib/draft-sync";
import type { ReportDocument } from "../../../worker/report/document";

const aDocument = (visits: number): ReportDocument => ({
  template: "2021",
  year: 2024,
  metrics: { website_visits: visits },
});

function aSync() {
  const saves: SaveBody[] = [];
  let revision = 1;
  const sync = new DraftSync({
    apiPath: "/api/agencies/7/reports/2024",
    initial: { document: aDocument(1), revision },
    transport: {
      save: async (body) => {
        saves.push(structuredClone(body));
        revision += 1;
        return { revision: { number: revision } };
      },
      load: async () => null,
    },
    timers: {
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      now: () => Date.now(),
    },
    storage: null,
    connectivity: { isOnline: () => true, onOnline: () => () => {} },
  });
  sync.start();
  return { sync, saves };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("the source of a save", () => {
  it("sends an import and its undo at once, each with its source, and typing with none", async () => {
    const { sync, saves } = aSync();
    sync.setDocument(aDocument(2));
    await vi.advanceTimersByTimeAsync(1500);
    sync.setDocument(aDocument(5500), "import");
    // Not after the quiet time: the import is a revision of its own.
    await vi.advanceTimersByTimeAsync(0);
    expect(saves).toHaveLength(2);
    sync.setDocument(aDocument(2), "import_undo");
    await vi.advanceTimersByTimeAsync(0);
    sync.setDocument(aDocument(3));
    await vi.advanceTimersByTimeAsync(1500);

    expect(saves.map((s) => [s.document.metrics?.website_visits, s.source])).toEqual([
      [2, undefined],
      [5500, "import"],
      [2, "import_undo"],
      [3, undefined],
    ]);
  });

  it("keeps the import's source for typing that joins it before it is sent", async () => {
    const { sync, saves } = aSync();
    sync.setDocument(aDocument(5500), "import");
    sync.setDocument(aDocument(5501));
    await vi.advanceTimersByTimeAsync(1500);
    sync.setDocument(aDocument(5502));
    await vi.advanceTimersByTimeAsync(1500);
    expect(saves.map((s) => [s.document.metrics?.website_visits, s.source])).toEqual([
      [5501, "import"],
      [5502, undefined],
    ]);
  });
});
