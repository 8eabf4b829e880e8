import type BetterSqlite3 from "better-sqlite3";

/**
 * The part of the D1 binding that drizzle's D1 driver calls (`prepare`, `bind`, `all`, `raw`,
 * `first`, `run`), answered by better-sqlite3 on a local file.
 *
 * Handing this to the Worker's own `createDatabase()` runs the Worker's query functions with the
 * same driver and so byte-identical SQL and the same result mapping; only the engine's transport
 * differs. (drizzle's `sqlite-proxy` driver would need to know, from the SQL alone, whether a
 * query wants rows as arrays or as objects; D1's surface keeps the two apart.)
 */
export function d1OverSqlite(sqlite: BetterSqlite3.Database): D1Database {
  const statements = new Map<string, BetterSqlite3.Statement>();
  const statement = (query: string) => {
    let prepared = statements.get(query);
    if (!prepared) {
      prepared = sqlite.prepare(query);
      statements.set(query, prepared);
    }
    return prepared;
  };
  const meta = (changes = 0, lastRowId = 0) => ({
    duration: 0,
    changes,
    last_row_id: lastRowId,
    changed_db: changes > 0,
    size_after: 0,
    rows_read: 0,
    rows_written: changes,
  });

  const prepare = (query: string) => {
    const bound = (params: unknown[]) => ({
      bind: (...more: unknown[]) => bound(more),
      async all() {
        const prepared = statement(query);
        if (!prepared.reader) {
          const info = prepared.run(...params);
          return { results: [], success: true, meta: meta(info.changes) };
        }
        return { results: prepared.raw(false).all(...params), success: true, meta: meta() };
      },
      async raw() {
        const prepared = statement(query);
        if (!prepared.reader) {
          prepared.run(...params);
          return [];
        }
        return prepared.raw(true).all(...params);
      },
      async first(column?: string) {
        const row = statement(query)
          .raw(false)
          .get(...params) as Record<string, unknown> | undefined;
        if (row === undefined) return null;
        return column === undefined ? row : row[column];
      },
      async run() {
        const info = statement(query).run(...params);
        return {
          results: [],
          success: true,
          meta: meta(info.changes, Number(info.lastInsertRowid)),
        };
      },
    });
    return bound([]);
  };

  const client = {
    prepare,
    async batch() {
      throw new Error("d1OverSqlite: batch() is not needed by the read benchmarks");
    },
    async exec() {
      throw new Error("d1OverSqlite: exec() is not needed by the read benchmarks");
    },
  };
  return client as unknown as D1Database;
}
