import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";

/** Who is making the request. Accounts (sessions, API tokens) will resolve real actors here. */
export type Actor = { kind: "anonymous"; name: string };

export type Action = "read" | "write";

export const actor = createMiddleware<AppEnv>(async (c, next) => {
  c.set("actor", { kind: "anonymous", name: "匿名" });
  await next();
});

/**
 * The one place that decides who may do what. Until accounts exist every request may
 * read and write; routes already declare the action they need, so tightening this
 * function is all the authorization layer has to change.
 */
export const authorize = (_action: Action) =>
  createMiddleware<AppEnv>(async (_c, next) => {
    await next();
  });
