/**
 * `DraftSync` (draft-sync.ts) wired to the browser: the session's CSRF-carrying client, the real
 * clock, `localStorage` and the `online` event.
 */

import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { absentAsNull, api as reader, unwrap } from "../api";
import type { ReportDocument } from "../../worker/report/document";
import type { RevisionSource } from "../../worker/report/revision-sources";
import { reportParam } from "./api-types";
import {
  DraftSync,
  type Connectivity,
  type DraftStorage,
  type DraftSyncState,
  type DraftTransport,
  type ServerVersion,
  type Timers,
} from "./draft-sync";
import { useSession } from "./session";

export interface UseDraftSyncOptions {
  /** The report's agency and year, `/api/agencies/:id/reports/:year`. */
  agencyId: number;
  year: number;
  /** The server's current version as loaded, or null when it answered 404. */
  initial: ServerVersion | null;
  /** The correction reason, required when saving a published report. */
  note?: string;
  debounceMs?: number;
  retryMs?: number;
}

export interface DraftSyncHandle extends DraftSyncState {
  /**
   * Replaces the working document; it is saved after `debounceMs` without further edits, or at
   * once with the `source` that made it (an import, its undo).
   */
  setDocument: (next: ReportDocument, source?: RevisionSource) => void;
  /** Sends now; resolves when no save is on its way any more. */
  saveNow: () => Promise<void>;
  /** Saves `merged` against the conflicting revision and resumes autosaving. */
  resolve: (merged: ReportDocument) => Promise<void>;
}

// Read the globals on each call, so that fake timers installed later still apply.
const browserTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

const browserConnectivity: Connectivity = {
  isOnline: () => typeof navigator === "undefined" || navigator.onLine !== false,
  onOnline(listener) {
    window.addEventListener("online", listener);
    return () => window.removeEventListener("online", listener);
  },
};

function browserStorage(): DraftStorage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage disabled by the browser's privacy settings.
    return null;
  }
}

/**
 * The report form's working document, saved as it is edited.
 *
 * `initial` is read once per report: render the form after the report has loaded, and give it
 * another agency or year (or a new `key`) to edit another report.
 *
 * @example
 * const draft = useDraftSync({ agencyId: id, year, initial });
 * <SaveStatus status={draft.status} lastSavedAt={draft.lastSavedAt} error={draft.error} />
 */
export function useDraftSync(options: UseDraftSyncOptions): DraftSyncHandle {
  const { agencyId, year, initial, note, debounceMs, retryMs } = options;
  const param = reportParam(agencyId, year);
  const report = reader.agencies[":id"].reports[":year"];
  // The report's address names its stored draft, as it always has.
  const apiPath = report.$path({ param });
  const { api, user } = useSession();
  const apiRef = useRef(api);
  useEffect(() => {
    apiRef.current = api;
  }, [api]);

  const create = (): DraftSync => {
    const transport: DraftTransport = {
      save: (json) =>
        apiRef.current.agencies[":id"].reports[":year"].$put({ param, json }).then(unwrap),
      async load() {
        const detail = await absentAsNull(report.$get({ param, query: {} }).then(unwrap));
        return detail && { document: detail.document, revision: detail.revision.number };
      },
    };
    return new DraftSync({
      apiPath,
      owner: user?.id,
      initial,
      note,
      transport,
      timers: browserTimers,
      storage: browserStorage(),
      connectivity: browserConnectivity,
      debounceMs,
      retryMs,
    });
  };

  // `create` only captures apiRef for the transport, which reads it when saving, not here.
  // eslint-disable-next-line react-hooks/refs -- see above
  const [owner, setOwner] = useState(() => ({ apiPath, sync: create() }));
  let sync = owner.sync;
  if (owner.apiPath !== apiPath) {
    // Another report: a fresh sync (adjusting state while rendering, as React recommends).
    // eslint-disable-next-line react-hooks/refs -- as above: the ref is read when saving
    sync = create();
    setOwner({ apiPath, sync });
  }

  useEffect(() => {
    sync.start();
    return sync.stop;
  }, [sync]);

  useEffect(() => {
    sync.setNote(note);
  }, [sync, note]);

  const state = useSyncExternalStore(sync.subscribe, sync.getState);
  return useMemo(
    () => ({
      ...state,
      setDocument: sync.setDocument,
      saveNow: sync.saveNow,
      resolve: sync.resolve,
    }),
    [state, sync],
  );
}
