/**
 * Counts the round trips a request makes to D1: every statement run (`first`, `all`, `run`,
 * `raw`) and every `batch` counts one. Deployed, each sequential one is a network hop, so the
 * bench prints them per route (bench/README.md). Opt-in: the database middleware wraps the
 * binding only when `COUNT_D1_ROUND_TRIPS` is set.
 */
export interface RoundTripCounter {
  count: number;
}

export const ROUND_TRIPS_HEADER = "x-d1-round-trips";

type Client = D1Database | D1DatabaseSession;
const RUNS = ["first", "all", "run", "raw"] as const;

/**
 * The same client, whose statements and batches add to `counter`. The statements stay D1's own
 * objects (their methods wrapped on the instance), so `batch` accepts them as they are.
 */
export function countRoundTrips<C extends Client>(client: C, counter: RoundTripCounter): C {
  const counted = (statement: D1PreparedStatement): D1PreparedStatement => {
    const target = statement as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const method of RUNS) {
      const run = target[method]!.bind(statement);
      target[method] = (...args) => {
        counter.count++;
        return run(...args);
      };
    }
    const bind = statement.bind.bind(statement);
    statement.bind = (...values) => counted(bind(...values));
    return statement;
  };
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "prepare") {
        return (query: string) => counted(target.prepare(query));
      }
      if (property === "batch") {
        return (statements: D1PreparedStatement[]) => {
          counter.count++;
          return target.batch(statements);
        };
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === "function" ? (value as () => unknown).bind(target) : value;
    },
  });
}
