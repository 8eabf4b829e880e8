import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiRequestError } from "../../../web/api";
import {
  DraftSync,
  draftStorageKey,
  planRestore,
  readDraft,
  writeDraft,
  type Connectivity,
  type DraftTransport,
  type SaveBody,
  type ServerVersion,
  type StoredDraft,
} from "../../../web/lib/draft-sync";
import type { ReportDocument } from "../../../worker/report/document";

const API_PATH = "/api/agencies/7/reports/2024";

const aDocument = (visits = 1000, overview = "总体情况"): ReportDocument => ({
  template: "2021",
  year: 2024,
  metrics: { website_visits: visits },
  text: { overview },
});

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

/** A connection whose state the test sets, and whose `online` event it fires. */
function aConnection(): Connectivity & { online: boolean; fire(): void } {
  const listeners = new Set<() => void>();
  return {
    online: true,
    isOnline() {
      return this.online;
    },
    onOnline(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    fire() {
      this.online = true;
      for (const listener of listeners) listener();
    },
  };
}

/**
 * A server holding one report: accepts a save whose base is its current revision, answers 409
 * otherwise. `hold()` keeps the next save waiting until `release()`.
 */
function aServer(start: ServerVersion | null) {
  let current = start;
  let gate: { promise: Promise<void>; open(): void } | null = null;
  const saves: SaveBody[] = [];
  const transport: DraftTransport = {
    async save(body) {
      saves.push(structuredClone(body));
      if (gate) await gate.promise;
      if (body.base_revision !== (current?.revision ?? 0)) {
        throw new ApiRequestError(409, "stale_revision", "报告已被他人修改");
      }
      current = { document: body.document, revision: (current?.revision ?? 0) + 1 };
      return { revision: { number: current.revision } };
    },
    load: async () => current,
  };
  return {
    transport,
    saves,
    get current() {
      return current;
    },
    /** Someone else saves. */
    saveAsOther(document: ReportDocument) {
      current = { document, revision: (current?.revision ?? 0) + 1 };
    },
    hold() {
      let open = () => {};
      const promise = new Promise<void>((resolve) => (open = resolve));
      gate = { promise, open };
    },
    release() {
      gate?.open();
      gate = null;
    },
  };
}

const timers = {
  setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms),
  clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

function aSync(options: {
  server: ReturnType<typeof aServer>;
  storage?: ReturnType<typeof memoryStorage>;
  connection?: ReturnType<typeof aConnection>;
  note?: string;
}) {
  const storage = options.storage ?? memoryStorage();
  const connection = options.connection ?? aConnection();
  const sync = new DraftSync({
    apiPath: API_PATH,
    initial: options.server.current,
    note: options.note,
    transport: options.server.transport,
    timers,
    storage,
    connectivity: connection,
  });
  sync.start();
  return { sync, storage, connection };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2025-01-10T09:00:00Z"));
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the stored draft", () => {
  it("is a versioned record of the document, its base revision and when it was written", () => {
    const storage = memoryStorage();
    const draft: StoredDraft = {
      v: 1,
      baseRevision: 3,
      savedAt: "2025-01-10T09:00:00.000Z",
      document: aDocument(),
    };
    writeDraft(storage, API_PATH, draft);
    expect(
      JSON.parse(storage.items.get("nianbao.draft:anonymous:/api/agencies/7/reports/2024")!),
    ).toEqual(draft);
    expect(readDraft(storage, API_PATH)).toEqual(draft);
  });

  it("is ignored when it cannot be read", () => {
    const storage = memoryStorage();
    for (const raw of ["{", "null", '{"v":2}', '{"v":1,"baseRevision":1,"savedAt":"x"}']) {
      storage.setItem(draftStorageKey(API_PATH), raw);
      expect(readDraft(storage, API_PATH)).toBeNull();
    }
  });
});

describe("planRestore", () => {
  const stored = (baseRevision: number, document = aDocument(2000)): StoredDraft => ({
    v: 1,
    baseRevision,
    savedAt: "2025-01-10T08:00:00.000Z",
    document,
  });
  const server = { document: aDocument(), revision: 3 };

  it("restores a draft edited from the server's current revision", () => {
    expect(planRestore(stored(3), server)).toEqual({ kind: "restore", document: aDocument(2000) });
    expect(planRestore(stored(0), null)).toEqual({ kind: "restore", document: aDocument(2000) });
  });

  it("treats a draft edited from another revision as a conflict", () => {
    expect(planRestore(stored(2), server)).toEqual({
      kind: "conflict",
      conflict: { mine: aDocument(2000), theirs: aDocument(), theirsRevision: 3, base: null },
    });
  });

  it("discards a draft the server already holds", () => {
    expect(planRestore(stored(2, aDocument()), server)).toEqual({ kind: "discard" });
  });
});

describe("DraftSync", () => {
  it("sends edits made during a save in one follow-up save, based on the new revision", async () => {
    const server = aServer({ document: aDocument(), revision: 3 });
    const { sync } = aSync({ server });
    sync.setDocument(aDocument(1));
    await vi.advanceTimersByTimeAsync(1500);
    server.hold();
    sync.setDocument(aDocument(2));
    await vi.advanceTimersByTimeAsync(1500);
    expect(sync.getState().status).toBe("saving");
    sync.setDocument(aDocument(3));
    sync.setDocument(aDocument(4));
    await vi.advanceTimersByTimeAsync(1500);
    server.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.saves.map((s) => [s.base_revision, s.document.metrics?.website_visits])).toEqual([
      [3, 1],
      [4, 2],
      [5, 4],
    ]);
    expect(sync.getState()).toMatchObject({ status: "saved", revision: 6 });
  });

  it("keeps edits made during a conflict in mine and saves them with the merge", async () => {
    const server = aServer({ document: aDocument(), revision: 3 });
    const { sync, storage } = aSync({ server });
    server.saveAsOther(aDocument(1000, "他人的总体情况"));
    sync.setDocument(aDocument(2000));
    await vi.advanceTimersByTimeAsync(1500);
    expect(sync.getState().conflict).toMatchObject({ theirsRevision: 4, base: aDocument() });
    sync.setDocument(aDocument(2500));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.saves).toHaveLength(1);
    expect(sync.getState().conflict?.mine).toEqual(aDocument(2500));
    expect(readDraft(storage, API_PATH)?.document).toEqual(aDocument(2500));

    await sync.resolve(aDocument(2500, "他人的总体情况"));
    expect(server.saves.at(-1)).toMatchObject({ base_revision: 4 });
    expect(sync.getState()).toMatchObject({ status: "saved", revision: 5, conflict: null });
    expect(readDraft(storage, API_PATH)).toBeNull();
  });

  it("adopts the server's revision instead of a conflict when it already holds my document", async () => {
    const server = aServer({ document: aDocument(), revision: 3 });
    const { sync } = aSync({ server });
    server.saveAsOther(aDocument(2000));
    sync.setDocument(aDocument(2000));
    await vi.advanceTimersByTimeAsync(1500);
    expect(sync.getState()).toMatchObject({ status: "saved", revision: 4, conflict: null });
  });

  it("does not send while the browser reports being offline, and sends when it is back", async () => {
    const server = aServer({ document: aDocument(), revision: 3 });
    const connection = aConnection();
    connection.online = false;
    const { sync, storage } = aSync({ server, connection });
    sync.setDocument(aDocument(2000));
    await vi.advanceTimersByTimeAsync(1500);
    expect(sync.getState().status).toBe("offline");
    expect(server.saves).toHaveLength(0);
    expect(readDraft(storage, API_PATH)).toMatchObject({ baseRevision: 3 });
    connection.fire();
    await vi.advanceTimersByTimeAsync(0);
    expect(sync.getState().status).toBe("saved");
    expect(readDraft(storage, API_PATH)).toBeNull();
  });

  it("retries by itself after a server error, but not after the server refused the document", async () => {
    const server = aServer({ document: aDocument(), revision: 3 });
    const failures = [
      new ApiRequestError(503, "unavailable", "服务暂不可用"),
      new ApiRequestError(400, "validation_failed", "提交的数据有 1 处错误"),
    ];
    const save = server.transport.save;
    server.transport.save = async (body) => {
      const failure = failures.shift();
      if (failure) throw failure;
      return save(body);
    };
    const { sync } = aSync({ server });
    sync.setDocument(aDocument(2000));
    await vi.advanceTimersByTimeAsync(1500);
    expect(sync.getState()).toMatchObject({ status: "error", error: { message: "服务暂不可用" } });
    await vi.advanceTimersByTimeAsync(15_000);
    expect(sync.getState()).toMatchObject({
      status: "error",
      error: { code: "validation_failed" },
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sync.getState().status).toBe("error");
    sync.setDocument(aDocument(2001));
    await vi.advanceTimersByTimeAsync(1500);
    expect(sync.getState()).toMatchObject({ status: "saved", error: null, revision: 4 });
  });

  it("sends the correction reason once it is given, when the server asked for one", async () => {
    const server = aServer({ document: aDocument(), revision: 3 });
    const save = server.transport.save;
    server.transport.save = async (body) => {
      if (!body.note) throw new ApiRequestError(400, "reason_required", "请填写更正原因");
      return save(body);
    };
    const { sync } = aSync({ server });
    sync.setDocument(aDocument(2000));
    await vi.advanceTimersByTimeAsync(1500);
    expect(sync.getState().status).toBe("error");
    sync.setNote("更正网站访问量");
    await vi.advanceTimersByTimeAsync(1500);
    expect(server.saves.at(-1)).toMatchObject({ note: "更正网站访问量", base_revision: 3 });
    expect(sync.getState().status).toBe("saved");
  });

  it("schedules nothing once stopped, and keeps the draft for the next visit", async () => {
    const server = aServer({ document: aDocument(), revision: 3 });
    const { sync, storage } = aSync({ server });
    sync.setDocument(aDocument(2000));
    sync.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.saves).toHaveLength(0);
    expect(readDraft(storage, API_PATH)?.document).toEqual(aDocument(2000));
  });
});
