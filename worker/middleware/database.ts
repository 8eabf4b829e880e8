import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { createDatabase } from "../db/client";
import { countRoundTrips, ROUND_TRIPS_HEADER, type RoundTripCounter } from "../db/round-trips";

const BOOKMARK_HEADER = "x-d1-bookmark";

/**
 * Reads go through a D1 session so that replicas can serve them; a client that has just
 * written sends back the bookmark it was given and so reads its own writes. Writes start
 * on the primary.
 *
 * With `COUNT_D1_ROUND_TRIPS` set (the bench sets it), the answer says in `x-d1-round-trips`
 * how many statements and batches the request sent to D1 before it was answered.
 */
export const database = createMiddleware<AppEnv>(async (c, next) => {
  const isRead = c.req.method === "GET" || c.req.method === "HEAD";
  const bookmark = c.req.header(BOOKMARK_HEADER);
  const session = c.env.DB.withSession(
    bookmark ?? (isRead ? "first-unconstrained" : "first-primary"),
  );
  const counter: RoundTripCounter | null = (c.env as OptionalVars).COUNT_D1_ROUND_TRIPS
    ? { count: 0 }
    : null;
  c.set("db", createDatabase(counter ? countRoundTrips(session, counter) : session));
  c.set("now", new Date());
  await next();
  const nextBookmark = session.getBookmark();
  if (nextBookmark) c.header(BOOKMARK_HEADER, nextBookmark);
  if (counter) c.header(ROUND_TRIPS_HEADER, String(counter.count));
});

/** Variables wrangler.toml does not declare: `wrangler dev --var NAME:value` sets them. */
interface OptionalVars {
  COUNT_D1_ROUND_TRIPS?: string;
}
