import { drizzle, type DrizzleD1Database } from "drizzle-orm/d1";
import * as schema from "./schema";

export type Database = DrizzleD1Database<typeof schema> & {
  $client: D1Database | D1DatabaseSession;
};

/**
 * Wraps the D1 binding or a D1 session. A session offers the same `prepare`/`batch`
 * surface that drizzle calls, so reads can go through the Sessions API (and so through
 * read replicas once deployed) with the same query functions as writes.
 */
export function createDatabase(client: D1Database | D1DatabaseSession): Database {
  return drizzle(client as D1Database, { schema });
}
