/**
 * The signed-in reader's unread notification count, one value the bell and the notifications page
 * share: the bell polls it, and whoever marks something read refreshes it at once.
 */

import { useEffect, useSyncExternalStore } from "react";
import { api, query, unwrap, type Api } from "../api";

const POLL_MS = 60_000;

let unread: number | null = null;
const listeners = new Set<() => void>();

function publish(value: number | null) {
  if (value === unread) return;
  unread = value;
  for (const listener of listeners) listener();
}

/** Asks the server again; a failed request keeps the last count (the bell is not an error page). */
export async function refreshUnread(): Promise<void> {
  try {
    const answer = await api.notifications.$get({ query: query({ limit: 1 }) }).then(unwrap);
    publish(answer.unread);
  } catch {
    // Network trouble or an ended session: the next poll tries again.
  }
}

/** Sets the count from an answer already in hand (the list carries it). */
export const setUnread = (value: number) => publish(value);

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The unread count while `userId` is signed in (null before the first answer), polled every minute
 * while the tab is visible and again whenever the reader comes back to it.
 */
export function useUnreadCount(userId: number | null): number | null {
  useEffect(() => {
    if (userId === null) {
      publish(null);
      return;
    }
    void refreshUnread();
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") void refreshUnread();
    }, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") void refreshUnread();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [userId]);
  return useSyncExternalStore(subscribe, () => unread);
}

/** Marks one of the reader's notifications read (through the session's client), then recounts. */
export async function markRead(session: Api, id: number): Promise<void> {
  await session.notifications[":id"].read.$post({ param: { id: String(id) } }).then(unwrap);
  await refreshUnread();
}

/** Marks all the reader's notifications read, then recounts. */
export async function markAllRead(session: Api): Promise<void> {
  await session.notifications["read-all"].$post().then(unwrap);
  await refreshUnread();
}

/** A followed notification is read: marked on the way, a failure left to the next poll. */
export function markFollowed(session: Api, entry: { id: number; read: boolean }): void {
  if (!entry.read) void markRead(session, entry.id).catch(() => undefined);
}
