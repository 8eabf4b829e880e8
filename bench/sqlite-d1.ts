import type BetterSqlite3 from "better-sqlite3";

/**
 * The part of the D1 binding that drizzle's D1 driver and `runBatch` call (`prepare`, `bind`,
 * `all`, `raw`, `first`, `run`, `batch`), and the `withSession` the Worker's database middleware
 * opens, answered by better-sqlite3 on a local file.
 *
 * Handing this to the Worker's own `createDatabase()` runs the Worker's query functions with the
 * same driver and so byte-identical SQL and the same result mapping; only the engine's transport
 * differs. (drizzle's `sqlite-proxy` driver would have to tell from the SQL alone whether a query
 * wants its rows as arrays or as objects; D1's surface keeps the two apart.)
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

  /** Runs synchronous work as D1's asynchronous surface: a throw becomes a rejection. */
  const settle = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));

  /** D1's `all()` result: rows as objects; writes report their changes. */
  const all = (query: string, params: unknown[]) => {
    const prepared = statement(query);
    if (prepared.reader) {
      return { results: prepared.raw(false).all(...params), success: true, meta: meta() };
    }
    const info = prepared.run(...params);
    return {
      results: [],
      success: true,
      meta: meta(info.changes, Number(info.lastInsertRowid)),
    };
  };

  interface Bound {
    query: string;
    params: unknown[];
  }
  const bound = (query: string, params: unknown[]) => ({
    query,
    params,
    bind: (...values: unknown[]) => bound(query, values),
    all: () => settle(() => all(query, params)),
    run: () => settle(() => all(query, params)),
    raw: () =>
      settle(() => {
        const prepared = statement(query);
        if (!prepared.reader) {
          prepared.run(...params);
          return [];
        }
        return prepared.raw(true).all(...params);
      }),
    first: (column?: string) =>
      settle(() => {
        const row = statement(query)
          .raw(false)
          .get(...params) as Record<string, unknown> | undefined;
        if (row === undefined) return null;
        return column === undefined ? row : row[column];
      }),
  });

  const client = {
    prepare: (query: string) => bound(query, []),
    /**
     * Like D1: the bound statements run in order in one transaction that commits or rolls back
     * whole, and each gives its own `{ results, success, meta }` (rows as objects for reads,
     * `meta.changes` for writes), in the order given — what `runBatch` and `rollup` read.
     */
    batch: (items: Bound[]) =>
      settle(() => sqlite.transaction(() => items.map((item) => all(item.query, item.params)))()),
    exec: () => Promise.reject(new Error("d1OverSqlite: exec() is not implemented")),
    /** One connection, so every session reads its own writes; there is no bookmark to give. */
    withSession: () => ({
      prepare: client.prepare,
      batch: client.batch,
      getBookmark: () => null,
    }),
  };
  return client as unknown as D1Database;
}

function meta(changes = 0, lastRowId = 0) {
  return {
    duration: 0,
    changes,
    last_row_id: lastRowId,
    changed_db: changes > 0,
    size_after: 0,
    rows_read: 0,
    rows_written: changes,
  };
}
