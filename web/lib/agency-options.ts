import type { AgencyKind, AgencyLevel, AgencyScope } from "../../worker/db/schema";

// Copied rather than imported so the browser bundle does not pull in drizzle's table definitions;
// `satisfies` keeps them in step with the schema.
export const LEVELS = [
  "province",
  "city",
  "county",
  "township",
] as const satisfies readonly AgencyLevel[];
export const KINDS = ["government", "department"] as const satisfies readonly AgencyKind[];
export const SCOPES = ["region", "self"] as const satisfies readonly AgencyScope[];

export type { AgencyKind, AgencyLevel, AgencyScope };
