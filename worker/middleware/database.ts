import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { createDatabase } from "../db/client";

export const BOOKMARK_HEADER = "x-d1-bookmark";

/**
 * Reads go through a D1 session so that replicas can serve them; a client that has just
 * written sends back the bookmark it was given and so reads its own writes. Writes start
 * on the primary.
 */
export const database = createMiddleware<AppEnv>(async (c, next) => {
  const isRead = c.req.method === "GET" || c.req.method === "HEAD";
  const bookmark = c.req.header(BOOKMARK_HEADER);
  const session = c.env.DB.withSession(
    bookmark ?? (isRead ? "first-unconstrained" : "first-primary"),
  );
  c.set("db", createDatabase(session));
  c.set("now", new Date());
  await next();
  const nextBookmark = session.getBookmark();
  if (nextBookmark) c.header(BOOKMARK_HEADER, nextBookmark);
});
