import type { SQL } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import type { Database } from "./client";

type Statement = SQL | { toSQL(): { sql: string; params: unknown[] } };

const dialect = new SQLiteAsyncDialect();

/**
 * Runs statements as one D1 batch: a single transaction that commits or rolls back whole.
 *
 * WARNING: drizzle 0.45's `db.batch` fails on `db.run(sql\`…\`)` items with parameters
 * (it calls `.bind` on a statement the raw query never prepared), so raw and built
 * statements are compiled here and handed to D1's own `batch`.
 */
export async function runBatch(db: Database, statements: Statement[]) {
  const client = db.$client;
  const prepared = statements.map((statement) => {
    const query = "toSQL" in statement ? statement.toSQL() : dialect.sqlToQuery(statement);
    return client.prepare(query.sql).bind(...query.params);
  });
  return client.batch(prepared);
}

/**
 * Whether a batch failed on one of `constraints` (the start of SQLite's message, e.g.
 * "NOT NULL constraint failed: review_events.report_id"): a guard that refused it, the
 * whole batch rolled back.
 */
export function failedOn(error: unknown, ...constraints: string[]): boolean {
  const message = String((error as Error | undefined)?.message ?? error);
  return constraints.some((constraint) => message.includes(constraint));
}
