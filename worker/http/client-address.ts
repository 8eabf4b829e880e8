import type { Context } from "hono";

/** Cloudflare puts the visitor's address in CF-Connecting-IP; local development has none. */
export const clientAddress = (c: Context): string =>
  c.req.header("cf-connecting-ip") ?? c.req.header("x-real-ip") ?? "local";
