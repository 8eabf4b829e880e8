import type { Database } from "./client";
import { readDataVersion, type DataVersion } from "./queries/data-version";

/**
 * How long one isolate trusts the data version it read: a publication shows within this
 * (plus the browser's `max-age`), and a cached answer costs no D1 read in between.
 */
const VERSION_TTL_MS = 1000;

let remembered: { version: DataVersion; at: number } | null = null;

/** The current data version, read from D1 at most once a second per isolate. */
export async function currentDataVersion(db: Database, now = Date.now()): Promise<DataVersion> {
  if (remembered && now - remembered.at < VERSION_TTL_MS) return remembered.version;
  const version = await readDataVersion(db);
  remembered = { version, at: now };
  return version;
}

/** Called after a publication or an agency change, so this isolate answers anew at once. */
export function forgetDataVersion() {
  remembered = null;
}
