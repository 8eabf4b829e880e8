/**
 * Random secrets and their storable digests: session ids, invite and reset tokens, API tokens.
 *
 * The database keeps only `hashSecret(secret)`; the secret itself travels once, to the browser or
 * the token's owner. A plain SHA-256 suffices (no salt, no stretching) because every secret here
 * carries at least 128 random bits, so there is nothing to guess; passwords, which are guessable,
 * go through `password.ts` instead.
 */

const MIN_SECRET_BYTES = 16;
// crypto.getRandomValues refuses more than 65,536 bytes per call.
const MAX_SECRET_BYTES = 65_536;

const encoder = new TextEncoder();

/**
 * A new random secret of `bytes` bytes, base64url without padding (43 characters for 32 bytes).
 *
 * @example
 * const sessionSecret = newSecret();
 * await db.insert(sessions).values({ idHash: await hashSecret(sessionSecret), ... });
 */
export function newSecret(bytes = 32): string {
  if (!Number.isInteger(bytes) || bytes < MIN_SECRET_BYTES || bytes > MAX_SECRET_BYTES) {
    throw new RangeError(
      `A secret needs between ${MIN_SECRET_BYTES} and ${MAX_SECRET_BYTES} bytes, got ${bytes}`,
    );
  }
  return toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The SHA-256 of the secret's UTF-8 bytes, as 64 lowercase hex digits. */
export async function hashSecret(secret: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(secret)));
  let hex = "";
  for (const byte of digest) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/**
 * Compares two strings (as UTF-8) or byte arrays without an early exit, so the time taken does
 * not tell an attacker how many leading bytes of a guess were right. Only the length can leak,
 * and every value compared here has a fixed, public length.
 */
export function timingSafeEqual(a: string | Uint8Array, b: string | Uint8Array): boolean {
  const left = typeof a === "string" ? encoder.encode(a) : a;
  const right = typeof b === "string" ? encoder.encode(b) : b;
  if (left.length !== right.length) return false;
  let difference = 0;
  for (let i = 0; i < left.length; i++) difference |= (left[i] ?? 0) ^ (right[i] ?? 0);
  return difference === 0;
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The bytes of an unpadded base64url string, or `null` if it is not one. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), "="));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
