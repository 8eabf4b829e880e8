/**
 * Autosave for the report form, without React (the hook is use-draft-sync.ts): the working
 * document, the revision it is based on, when to send it, what to keep in local storage while it
 * cannot be sent, and how two versions are merged after a conflict.
 *
 * Nothing typed is dropped: every edit is written through to local storage at once and cleared
 * only when the server holds it, and a conflict keeps both versions until the user merges them.
 */

import { ApiRequestError } from "../api";
import { diffDocuments } from "../../worker/report/diff";
import { section3Variant, type ReportDocument } from "../../worker/report/document";
import type { RevisionSource } from "../../worker/report/revision-sources";
import {
  figureDef,
  flattenFigures,
  isFigureKey,
  listFigures,
  type FigureKey,
} from "../../worker/report/figures";
import {
  SECTION3_COLUMN_KEYS,
  SECTION4_COLUMN_KEYS,
  SECTION4_GROUP_KEYS,
  SPLIT_OTHER_ROW_KEYS,
  section2Rows,
  type Template,
} from "../../worker/report/templates";

export type SyncStatus = "saved" | "saving" | "unsaved" | "offline" | "conflict" | "error";

/** A document as the server holds it; revision 0 stands for "no report yet". */
export interface ServerVersion {
  document: ReportDocument;
  revision: number;
}

export interface Conflict {
  /** The working document, with every edit made so far (also those made during the conflict). */
  mine: ReportDocument;
  /** The server's current version; null when the server holds none. */
  theirs: ReportDocument | null;
  /** The revision `theirs` is: the base the merged document is saved against. */
  theirsRevision: number;
  /** The server version `mine` was edited from, when known: tells which cells I changed. */
  base: ReportDocument | null;
}

export interface DraftSyncState {
  status: SyncStatus;
  /** The working document; null until there is one (a report not yet started). */
  document: ReportDocument | null;
  /** The server revision the working document is based on. */
  revision: number;
  lastSavedAt: Date | null;
  /** Why the last save failed; null once a save succeeds. */
  error: Error | null;
  conflict: Conflict | null;
}

export interface SaveBody {
  base_revision: number;
  document: ReportDocument;
  note?: string;
  /** What made the edits saved, when not typing (an import, its undo): the history says so. */
  source?: RevisionSource;
}

/** The part of the PUT answer the sync needs. */
interface SaveAnswer {
  revision: { number: number };
}

export interface DraftTransport {
  /** `PUT apiPath`; fails with `ApiRequestError` (status 0 when the server cannot be reached). */
  save: (body: SaveBody) => Promise<SaveAnswer>;
  /** The server's current version; null when it holds no report. */
  load: () => Promise<ServerVersion | null>;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export interface Connectivity {
  /** False only when the browser knows it is offline (`navigator.onLine`). */
  isOnline(): boolean;
  /** Calls `listener` when the connection returns; returns the unsubscribe function. */
  onOnline(listener: () => void): () => void;
}

export interface DraftSyncOptions {
  apiPath: string;
  /** Whose draft this is (the signed-in user's id); part of the storage key. */
  owner?: string | number;
  /** The server's current version, or null when it answered 404. */
  initial: ServerVersion | null;
  /** The correction reason a published report needs (sent as `note`). */
  note?: string;
  transport: DraftTransport;
  timers: Timers;
  /** Null when the browser offers none (private mode): drafts then live in memory only. */
  storage: DraftStorage | null;
  connectivity: Connectivity;
  /** Quiet time after the last edit before it is sent. */
  debounceMs?: number;
  /** How often to retry while offline or after a server error. */
  retryMs?: number;
}

const DEFAULT_DEBOUNCE_MS = 1500;
const DEFAULT_RETRY_MS = 15_000;

// ---------------------------------------------------------------------------------------------
// Local storage

/** What local storage holds per report, under `draftStorageKey(apiPath)`. */
export interface StoredDraft {
  v: 1;
  /** The server revision the draft was edited from. */
  baseRevision: number;
  /** When the draft was last written (ISO 8601). */
  savedAt: string;
  document: ReportDocument;
}

/**
 * Drafts are kept per user as well as per report: on a shared computer one person's unsaved
 * figures are never offered to, or overwritten by, another.
 */
export function draftStorageKey(apiPath: string, owner: string | number = "anonymous"): string {
  return `nianbao.draft:${owner}:${apiPath}`;
}

/** A document the diff can read; guards against hand-edited or outdated storage. */
function isReadableDocument(value: unknown): value is ReportDocument {
  if (value === null || typeof value !== "object") return false;
  const doc = value as Partial<ReportDocument>;
  if ((doc.template !== "2021" && doc.template !== "2019") || typeof doc.year !== "number") {
    return false;
  }
  try {
    diffDocuments(null, doc as ReportDocument);
    return true;
  } catch {
    return false;
  }
}

export function readDraft(
  storage: DraftStorage | null,
  apiPath: string,
  owner?: string | number,
): StoredDraft | null {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(draftStorageKey(apiPath, owner)) ?? null;
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const draft = JSON.parse(raw) as Partial<StoredDraft> | null;
    if (
      draft?.v === 1 &&
      Number.isInteger(draft.baseRevision) &&
      typeof draft.savedAt === "string" &&
      isReadableDocument(draft.document)
    ) {
      return draft as StoredDraft;
    }
  } catch {
    // Not JSON: treated as no draft, like any other unreadable entry.
  }
  return null;
}

/** False when the browser refused (quota, private mode): the draft then lives in memory only. */
export function writeDraft(
  storage: DraftStorage | null,
  apiPath: string,
  draft: StoredDraft,
  owner?: string | number,
) {
  try {
    storage?.setItem(draftStorageKey(apiPath, owner), JSON.stringify(draft));
    return storage !== null;
  } catch {
    return false;
  }
}

function clearDraft(storage: DraftStorage | null, apiPath: string, owner?: string | number): void {
  try {
    storage?.removeItem(draftStorageKey(apiPath, owner));
  } catch {
    // Nothing to clear in a storage we cannot use.
  }
}

/** Same content as far as the report is concerned (key order and absent-vs-empty aside). */
function sameDocument(a: ReportDocument | null, b: ReportDocument | null): boolean {
  try {
    return diffDocuments(a, b).length === 0;
  } catch {
    return false;
  }
}

export type RestorePlan =
  | { kind: "none" }
  /** The stored draft holds nothing the server lacks. */
  | { kind: "discard" }
  /** Edited from the server's current revision: continue from it and save it. */
  | { kind: "restore"; document: ReportDocument }
  /** Edited from an older revision: the server moved on meanwhile. */
  | { kind: "conflict"; conflict: Conflict };

/** What to do on load with a draft left in local storage. */
export function planRestore(stored: StoredDraft | null, server: ServerVersion | null): RestorePlan {
  if (!stored) return { kind: "none" };
  if (sameDocument(stored.document, server?.document ?? null)) return { kind: "discard" };
  const serverRevision = server?.revision ?? 0;
  if (stored.baseRevision === serverRevision) return { kind: "restore", document: stored.document };
  return {
    kind: "conflict",
    conflict: {
      mine: stored.document,
      theirs: server?.document ?? null,
      theirsRevision: serverRevision,
      base: null,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The sync

const isNetworkError = (error: unknown) => error instanceof ApiRequestError && error.status === 0;

/** Worth retrying by itself: the server is down or busy, not refusing the document. */
const isTransient = (error: unknown) =>
  error instanceof ApiRequestError && (error.status >= 500 || error.status === 429);

/**
 * One report's working document and its way to the server. Saves at most one request at a time;
 * edits made meanwhile go in the next one. `start()` attaches it to the browser, `stop()` detaches
 * it (state is kept, so a stopped sync can be started again).
 */
export class DraftSync {
  private document: ReportDocument | null;
  private revision: number;
  private baseDocument: ReportDocument | null;
  private note: string | undefined;
  /** The source of the unsaved edits, and the edit that set it (see `setDocument`). */
  private source: { source: RevisionSource; edit: number } | null = null;
  private lastSavedAt: Date | null = null;
  private error: Error | null = null;
  private conflict: Conflict | null = null;
  /** The working document holds edits the server does not have. */
  private dirty = false;
  /** Counts edits, so a save knows whether edits arrived while it was on its way. */
  private edits = 0;
  private saving = false;
  private offline = false;
  private running: Promise<void> | null = null;
  /** Another save was asked for while one was running. */
  private queued = false;
  private debounceTimer: unknown = null;
  private retryTimer: unknown = null;
  private started = false;
  private unlisten: (() => void) | null = null;
  private discardStored: boolean;
  private snapshot: DraftSyncState;
  private readonly listeners = new Set<() => void>();
  private readonly debounceMs: number;
  private readonly retryMs: number;

  constructor(private readonly options: DraftSyncOptions) {
    const { initial } = options;
    this.document = initial?.document ?? null;
    this.revision = initial?.revision ?? 0;
    this.baseDocument = initial?.document ?? null;
    this.note = options.note;
    this.debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    this.retryMs = options.retryMs ?? DEFAULT_RETRY_MS;
    const plan = planRestore(readDraft(options.storage, options.apiPath, options.owner), initial);
    this.discardStored = plan.kind === "discard";
    if (plan.kind === "restore") {
      this.document = plan.document;
      this.dirty = true;
    } else if (plan.kind === "conflict") {
      this.document = plan.conflict.mine;
      this.dirty = true;
      this.conflict = plan.conflict;
    }
    this.snapshot = this.buildSnapshot();
  }

  // Arrow properties: handed around unbound (useSyncExternalStore, event handlers).

  getState = (): DraftSyncState => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  start = (): void => {
    if (this.started) return;
    this.started = true;
    this.unlisten = this.options.connectivity.onOnline(this.retry);
    if (this.discardStored)
      clearDraft(this.options.storage, this.options.apiPath, this.options.owner);
    this.discardStored = false;
    // A restored draft, or one a previous stop() left unsent.
    if (this.dirty && !this.conflict) void this.flush();
  };

  stop = (): void => {
    this.started = false;
    this.unlisten?.();
    this.unlisten = null;
    this.cancelDebounce();
    this.cancelRetry();
  };

  /**
   * Replaces the working document; `source` says what made it (an import, its undo), and is sent
   * with the save that carries it, at once rather than after the quiet time, so that it is a
   * revision of its own.
   */
  setDocument = (next: ReportDocument, source?: RevisionSource): void => {
    this.document = next;
    this.dirty = true;
    this.edits += 1;
    if (source) this.source = { source, edit: this.edits };
    if (this.conflict) {
      // Still typing while the conflict is open: it all goes into "mine".
      this.conflict = { ...this.conflict, mine: next };
    } else {
      this.scheduleSave(source ? 0 : this.debounceMs);
    }
    this.persist();
    this.emit();
  };

  setNote = (note: string | undefined): void => {
    if (note === this.note) return;
    this.note = note;
    if (this.error instanceof ApiRequestError && this.error.code === "reason_required") {
      this.scheduleSave(this.debounceMs);
    }
  };

  /** Sends the working document now; resolves when nothing more is on its way. */
  saveNow = (): Promise<void> => this.flush();

  /** Ends a conflict: `merged` replaces the working document and is saved against theirs. */
  resolve = (merged: ReportDocument): Promise<void> => {
    if (!this.conflict) return Promise.resolve();
    const { theirs, theirsRevision } = this.conflict;
    this.conflict = null;
    this.revision = theirsRevision;
    this.baseDocument = theirs;
    this.document = merged;
    this.dirty = true;
    this.edits += 1;
    this.error = null;
    this.persist();
    this.emit();
    return this.flush();
  };

  // -------------------------------------------------------------------------------------------

  private retry = (): void => {
    if (this.started && this.dirty && !this.conflict) void this.flush();
  };

  private shouldSave(): boolean {
    return this.dirty && !this.conflict && this.document !== null;
  }

  private flush(): Promise<void> {
    this.cancelDebounce();
    if (this.running) {
      this.queued = true;
      return this.running;
    }
    if (!this.shouldSave()) return Promise.resolve();
    this.running = this.loop();
    return this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.queued = false;
      await this.saveOnce();
    } while (this.queued && this.shouldSave());
    // In the same synchronous step as the check above, so a flush() cannot slip between them.
    this.running = null;
  }

  private async saveOnce(): Promise<void> {
    const document = this.document;
    if (!document) return;
    if (!this.options.connectivity.isOnline()) {
      this.goOffline(null);
      this.emit();
      return;
    }
    const sentEdits = this.edits;
    const base = this.revision;
    this.saving = true;
    this.emit();
    try {
      const body: SaveBody = { base_revision: base, document };
      if (this.note) body.note = this.note;
      if (this.source) body.source = this.source.source;
      const answer = await this.options.transport.save(body);
      this.onSaved(answer.revision.number, document, sentEdits);
    } catch (error) {
      await this.onFailed(error);
    } finally {
      this.saving = false;
    }
    this.emit();
  }

  private onSaved(revision: number, document: ReportDocument, sentEdits: number): void {
    this.revision = revision;
    this.baseDocument = document;
    this.lastSavedAt = new Date(this.options.timers.now());
    this.offline = false;
    this.error = null;
    this.cancelRetry();
    // Edits typed after the import was saved are typing again.
    if (this.source && this.source.edit <= sentEdits) this.source = null;
    if (this.edits === sentEdits) {
      this.dirty = false;
      clearDraft(this.options.storage, this.options.apiPath, this.options.owner);
    } else {
      // Edits arrived meanwhile; they now build on the new revision.
      this.persist();
    }
  }

  private async onFailed(error: unknown): Promise<void> {
    if (isNetworkError(error)) return this.goOffline(error as ApiRequestError);
    if (
      error instanceof ApiRequestError &&
      error.status === 409 &&
      error.code === "stale_revision"
    ) {
      // The 409 body carries the current version, but `ApiRequestError` keeps only the error
      // part of a body, so read it again.
      let current: ServerVersion | null;
      try {
        current = await this.options.transport.load();
      } catch (loadError) {
        if (isNetworkError(loadError)) return this.goOffline(loadError as ApiRequestError);
        return this.fail(loadError);
      }
      return this.enterConflict(current);
    }
    this.fail(error);
  }

  private goOffline(error: ApiRequestError | null): void {
    this.offline = true;
    this.error = error;
    this.persist();
    this.scheduleRetry(this.retryMs);
  }

  private fail(error: unknown): void {
    this.offline = false;
    this.error = error instanceof Error ? error : new Error(String(error));
    if (isTransient(error)) {
      const after = (error as ApiRequestError).retryAfterSeconds;
      this.scheduleRetry(after !== null ? after * 1000 : this.retryMs);
    }
  }

  private enterConflict(current: ServerVersion | null): void {
    const mine = this.document;
    if (!mine) return;
    this.offline = false;
    this.error = null;
    if (current && sameDocument(current.document, mine)) {
      // The server already holds exactly this, often from this very tab whose answer was lost.
      this.revision = current.revision;
      this.baseDocument = current.document;
      this.dirty = false;
      this.lastSavedAt = new Date(this.options.timers.now());
      clearDraft(this.options.storage, this.options.apiPath, this.options.owner);
      return;
    }
    this.cancelDebounce();
    this.cancelRetry();
    this.conflict = {
      mine,
      theirs: current?.document ?? null,
      theirsRevision: current?.revision ?? 0,
      base: this.baseDocument,
    };
    this.persist();
  }

  private persist(): void {
    if (!this.document || !this.dirty) return;
    writeDraft(
      this.options.storage,
      this.options.apiPath,
      {
        v: 1,
        baseRevision: this.revision,
        savedAt: new Date(this.options.timers.now()).toISOString(),
        document: this.document,
      },
      this.options.owner,
    );
  }

  private scheduleSave(ms: number): void {
    this.cancelDebounce();
    if (!this.started) return;
    this.debounceTimer = this.options.timers.setTimeout(() => {
      this.debounceTimer = null;
      void this.flush();
    }, ms);
  }

  private scheduleRetry(ms: number): void {
    this.cancelRetry();
    if (!this.started) return;
    this.retryTimer = this.options.timers.setTimeout(() => {
      this.retryTimer = null;
      this.retry();
    }, ms);
  }

  private cancelDebounce(): void {
    if (this.debounceTimer !== null) this.options.timers.clearTimeout(this.debounceTimer);
    this.debounceTimer = null;
  }

  private cancelRetry(): void {
    if (this.retryTimer !== null) this.options.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private status(): SyncStatus {
    if (this.conflict) return "conflict";
    if (this.saving) return "saving";
    if (this.offline) return "offline";
    if (this.error) return "error";
    return this.dirty ? "unsaved" : "saved";
  }

  private buildSnapshot(): DraftSyncState {
    return {
      status: this.status(),
      document: this.document,
      revision: this.revision,
      lastSavedAt: this.lastSavedAt,
      error: this.error,
      conflict: this.conflict,
    };
  }

  private emit(): void {
    this.snapshot = this.buildSnapshot();
    for (const listener of this.listeners) listener();
  }
}

// ---------------------------------------------------------------------------------------------
// Merging

type Loose = Record<string, unknown>;
type Row = (number | null)[];

function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function setOrDelete(target: Loose, key: string, value: unknown): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

function emptySection2(template: Template): Loose {
  const out: Loose = {};
  for (const row of section2Rows(template)) {
    out[row.key] =
      row.shape === "scalar" ? null : Object.fromEntries(row.columns.map((c) => [c.key, null]));
  }
  return out;
}

function emptySection4(): Record<string, Row> {
  return Object.fromEntries(
    SECTION4_GROUP_KEYS.map((g) => [g, SECTION4_COLUMN_KEYS.map(() => null)]),
  );
}

/**
 * Writes one figure of mine into `doc`, creating the row or table it needs. `undefined` (mine
 * does not hold the figure) blanks the cell; the caller drops whole rows and tables afterwards.
 */
function writeFigure(doc: Loose, key: FigureKey, value: number | null | undefined): void {
  const [table, first = "", second] = key.split(".");
  switch (table) {
    case "section2": {
      // Table 二 of the other template has no place in this document.
      if (figureDef(key).template !== doc.template) return;
      let section = doc.section2 as Loose | null | undefined;
      if (!section) {
        if (value === undefined) return;
        section = emptySection2(doc.template as Template);
        doc.section2 = section;
      }
      if (second === undefined) {
        section[first] = value ?? null;
        return;
      }
      let row = section[first] as Loose | null | undefined;
      if (!row || typeof row !== "object") {
        row = {};
        section[first] = row;
      }
      row[second] = value ?? null;
      return;
    }
    case "section3": {
      const index = SECTION3_COLUMN_KEYS.indexOf(second as (typeof SECTION3_COLUMN_KEYS)[number]);
      let rows = (doc.section3 as { rows?: Record<string, Row> } | null | undefined)?.rows;
      if (!rows) {
        if (value === undefined) return;
        rows = {};
        doc.section3 = { rows };
      }
      let row = rows[first];
      if (!row) {
        if (value === undefined) return;
        row = SECTION3_COLUMN_KEYS.map(() => null);
        rows[first] = row;
      }
      row[index] = value ?? null;
      return;
    }
    case "section4": {
      const index = SECTION4_COLUMN_KEYS.indexOf(second as (typeof SECTION4_COLUMN_KEYS)[number]);
      let section = doc.section4 as Record<string, Row> | null | undefined;
      if (!section) {
        if (value === undefined) return;
        section = emptySection4();
        doc.section4 = section;
      }
      const group = section[first] ?? SECTION4_COLUMN_KEYS.map(() => null);
      section[first] = group;
      group[index] = value ?? null;
      return;
    }
    case "metrics": {
      let metrics = doc.metrics as Loose | undefined;
      if (value === undefined) {
        if (metrics) delete metrics[first];
        return;
      }
      if (!metrics) {
        metrics = {};
        doc.metrics = metrics;
      }
      metrics[first] = value;
      return;
    }
  }
}

/** Writes one non-figure path diffDocuments reports (`text.overview`, `metric_notes.x`, …). */
function writeField(doc: Loose, mine: ReportDocument, path: string): void {
  const source = mine as unknown as Loose;
  if (path === "year" || path === "agency" || path === "explanations") {
    setOrDelete(doc, path, cloneJson(source[path]));
    return;
  }
  const [group, key, ...rest] = path.split(".");
  if ((group !== "text" && group !== "metric_notes") || !key || rest.length > 0) return;
  const value = (source[group] as Loose | undefined)?.[key];
  let target = doc[group] as Loose | undefined;
  if (value === undefined) {
    if (!target) return;
    delete target[key];
    if (Object.keys(target).length === 0 && source[group] === undefined) delete doc[group];
    return;
  }
  if (!target) {
    target = {};
    doc[group] = target;
  }
  target[key] = cloneJson(value);
}

/**
 * Rows and tables mine does not hold at all, whose every cell the user took from mine, go away
 * rather than stay behind as blanks.
 */
function dropWhatMineLacks(doc: Loose, mine: ReportDocument, chosen: Set<string>): void {
  const allChosen = (keys: readonly string[]) => keys.every((k) => chosen.has(k));

  if (mine.section2 == null && doc.section2 != null && doc.template === mine.template) {
    const keys = listFigures(mine.template)
      .filter((f) => f.table === "二")
      .map((f) => f.key);
    if (allChosen(keys)) setOrDelete(doc, "section2", mine.section2);
  }

  const section3 = doc.section3 as { rows?: Record<string, Row> } | null | undefined;
  if (section3?.rows) {
    let dropped = false;
    for (const rowKey of Object.keys(section3.rows)) {
      if ((mine.section3?.rows as Record<string, Row> | undefined)?.[rowKey] !== undefined)
        continue;
      if (allChosen(SECTION3_COLUMN_KEYS.map((c) => `section3.${rowKey}.${c}`))) {
        delete section3.rows[rowKey];
        dropped = true;
      }
    }
    if (dropped && Object.keys(section3.rows).length === 0 && mine.section3 == null) {
      setOrDelete(doc, "section3", mine.section3);
    }
  }

  if (mine.section4 == null && doc.section4 != null) {
    const keys = SECTION4_GROUP_KEYS.flatMap((g) =>
      SECTION4_COLUMN_KEYS.map((c) => `section4.${g}.${c}`),
    );
    if (allChosen(keys)) setOrDelete(doc, "section4", mine.section4);
  }
}

/**
 * Table 三 holds either the single （六）其他处理 row or its three sub-rows. A merge that took
 * cells of mine in one layout while theirs used the other keeps my layout: its cells were chosen.
 */
function keepOneSection3Layout(doc: Loose, mine: ReportDocument): void {
  const rows = (doc.section3 as { rows?: Record<string, Row> } | null | undefined)?.rows;
  if (!rows || rows.other_processing === undefined) return;
  if (!SPLIT_OTHER_ROW_KEYS.some((key) => rows[key] !== undefined)) return;
  if (section3Variant(mine) === "single") {
    for (const key of SPLIT_OTHER_ROW_KEYS) delete rows[key];
  } else {
    delete rows.other_processing;
  }
}

/**
 * Theirs, with the cells at `chosenPaths` taken from mine. Paths are those `diffDocuments`
 * reports: figure keys (`section3.granted.total`, `section4.reconsideration.corrected`,
 * `section2.regulations.made`, `metrics.website_visits`), `text.overview`,
 * `metric_notes.website_visits`, `template`, `year`, `agency`, `explanations`.
 *
 * Choosing mine's `template` takes mine's table 二 with it (its shape depends on the template);
 * table-二 figures of the template not kept are ignored.
 *
 * @example
 * const merged = applyChoice(theirs, mine, ["section3.granted.total", "text.overview"]);
 */
export function applyChoice(
  theirs: ReportDocument | null,
  mine: ReportDocument,
  chosenPaths: Iterable<string>,
): ReportDocument {
  const chosen = new Set(chosenPaths);
  const merged: Loose = theirs
    ? cloneJson(theirs as unknown as Loose)
    : { template: mine.template, year: mine.year };
  if (chosen.has("template") && merged.template !== mine.template) {
    merged.template = mine.template;
    setOrDelete(merged, "section2", cloneJson(mine.section2));
  }
  const mineFigures = flattenFigures(mine);
  for (const path of chosen) {
    if (path === "template") continue;
    if (isFigureKey(path)) writeFigure(merged, path, mineFigures.get(path));
    else writeField(merged, mine, path);
  }
  dropWhatMineLacks(merged, mine, chosen);
  keepOneSection3Layout(merged, mine);
  return merged as unknown as ReportDocument;
}

/**
 * The differing paths I did not change, i.e. those only the other person edited; empty when the
 * version mine was edited from is unknown (a draft restored from storage).
 */
export function changedOnlyByThem(conflict: Conflict): Set<string> {
  if (!conflict.base) return new Set();
  const touched = new Set(diffDocuments(conflict.base, conflict.mine).map((c) => c.path));
  return new Set(
    diffDocuments(conflict.theirs, conflict.mine)
      .map((c) => c.path)
      .filter((path) => !touched.has(path)),
  );
}
