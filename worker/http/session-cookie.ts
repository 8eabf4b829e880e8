import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/**
 * Over HTTPS the cookie is `__Host-` prefixed (Secure, Path=/, no Domain: no subdomain can
 * set or shadow it). Plain-HTTP local development cannot hold a Secure cookie everywhere,
 * so there it goes without the prefix and the Secure flag.
 */
function cookieName(c: Context) {
  const secure = new URL(c.req.url).protocol === "https:";
  return { name: secure ? "__Host-nianbao_session" : "nianbao_session", secure };
}

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, cookieName(c).name);
}

export function writeSessionCookie(c: Context, secret: string) {
  const { name, secure } = cookieName(c);
  setCookie(c, name, secret, {
    path: "/",
    httpOnly: true,
    secure,
    // Lax, not Strict: someone arriving from an emailed invite link should not look logged out;
    // writes are guarded by the CSRF token regardless.
    sameSite: "Lax",
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export function clearSessionCookie(c: Context) {
  const { name, secure } = cookieName(c);
  deleteCookie(c, name, { path: "/", secure });
}
