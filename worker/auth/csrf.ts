/**
 * CSRF protection for cookie sessions: a synchronizer token derived from the session secret.
 *
 * The token is HMAC-SHA256(key = session secret, "nianbao csrf v1"). The server hands it to the
 * web app in the JSON of the login and session responses; the app keeps it in memory and sends it
 * in the `X-CSRF-Token` header of every write. A page on another origin can make the browser send
 * the session cookie, but it can neither read our responses nor compute the HMAC without the
 * secret, so it cannot supply the header. Deriving the token means nothing extra is stored, and it
 * changes whenever the session does (login, rotation), while revealing nothing about the secret.
 *
 * Requests authenticated by an API token are exempt. CSRF works only through ambient credentials,
 * the ones a browser attaches on its own (cookies, HTTP auth); an `Authorization: Bearer` header is
 * never attached by a browser, and a cross-origin page can set it only after a CORS preflight we do
 * not grant, so a request that carries a valid token was made on purpose by the token's holder.
 * The exemption must follow how the request was authenticated, not which headers are present: a
 * request whose bearer token is missing or invalid must not fall back to the cookie without a
 * CSRF check.
 */

import { fromBase64Url, timingSafeEqual, toBase64Url } from "./secrets";

export const CSRF_HEADER = "X-CSRF-Token";

const PURPOSE = new TextEncoder().encode("nianbao csrf v1");
const TOKEN_BYTES = 32;

/**
 * The CSRF token that belongs to the session whose cookie holds `sessionSecret`.
 *
 * @example
 * return c.json({ user, csrf_token: await csrfTokenFor(sessionSecret) }, 200);
 */
export async function csrfTokenFor(sessionSecret: string): Promise<string> {
  return toBase64Url(await mac(sessionSecret));
}

/** Whether `token` (the request's `X-CSRF-Token` header, possibly absent) belongs to the session. */
export async function verifyCsrf(
  sessionSecret: string,
  token: string | null | undefined,
): Promise<boolean> {
  if (!token) return false;
  const presented = fromBase64Url(token);
  if (!presented || presented.length !== TOKEN_BYTES) return false;
  return timingSafeEqual(presented, await mac(sessionSecret));
}

async function mac(sessionSecret: string): Promise<Uint8Array> {
  if (!sessionSecret) throw new Error("A CSRF token needs a session secret");
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(sessionSecret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return new Uint8Array(await crypto.subtle.sign("HMAC", key, PURPOSE));
}
