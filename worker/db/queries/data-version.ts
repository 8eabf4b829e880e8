import { sql } from "drizzle-orm";
import type { Database } from "../client";

/**
 * What the public sees changes when a report is approved (a publication) or an agency is
 * created, renamed or moved. The newest of each names the version of the published data.
 */
export interface DataVersion {
  /** The newest publication's id: the number embeds pin (`v=`). */
  publication: number;
  /** The newest agency change, as stored (ISO text). */
  agencies: string;
}

export async function readDataVersion(db: Database): Promise<DataVersion> {
  const row = await db.get<{ publication: number; agencies: string }>(sql`
    SELECT (SELECT COALESCE(MAX(id), 0) FROM publications) AS publication,
           (SELECT COALESCE(MAX(updated_at), '') FROM agencies) AS agencies`);
  return { publication: row?.publication ?? 0, agencies: row?.agencies ?? "" };
}

/** A short, opaque tag of the version, for ETags and cache keys. */
export const versionTag = (version: DataVersion) =>
  `${version.publication}.${Date.parse(version.agencies || "1970-01-01T00:00:00Z").toString(36)}`;
