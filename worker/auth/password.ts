/**
 * Password hashing with PBKDF2-SHA256 through WebCrypto, stored self-describing as
 * `pbkdf2-sha256$<iterations>$<salt b64url>$<hash b64url>` so the work factor can change later:
 * old hashes still verify, and `needsRehash` says when to re-hash at the next successful login.
 */

import { fromBase64Url, timingSafeEqual, toBase64Url } from "./secrets";

const ALGORITHM = "pbkdf2-sha256";

/**
 * WARNING: workerd's WebCrypto refuses PBKDF2 above 100,000 iterations (its guard against one
 * request monopolising the isolate), well below OWASP's 600,000 for SHA-256. Raise both constants
 * together once the runtime allows it: https://github.com/cloudflare/workerd/issues/1346
 */
export const PASSWORD_ITERATIONS = 100_000;
const MAX_ITERATIONS = 100_000;

const SALT_BYTES = 16;
const HASH_BYTES = 32;
const MIN_PASSWORD_LENGTH = 10;
// PBKDF2 pre-hashes long keys, so this bounds request size and typos rather than CPU time.
const MAX_PASSWORD_LENGTH = 256;
const MIN_DISTINCT_CHARACTERS = 4;

const encoder = new TextEncoder();

interface StoredHash {
  iterations: number;
  salt: Uint8Array;
  hash: Uint8Array;
}

/**
 * Hashes `password` with a fresh 16-byte salt.
 *
 * @example
 * const stored = await hashPassword("correct horse 42");
 * // "pbkdf2-sha256$100000$…$…"
 */
export async function hashPassword(
  password: string,
  options: { iterations?: number } = {},
): Promise<string> {
  const iterations = options.iterations ?? PASSWORD_ITERATIONS;
  if (
    !Number.isInteger(iterations) ||
    iterations < PASSWORD_ITERATIONS ||
    iterations > MAX_ITERATIONS
  ) {
    throw new RangeError(
      `PBKDF2 iterations must be an integer from ${PASSWORD_ITERATIONS} to ${MAX_ITERATIONS}, got ${iterations}`,
    );
  }
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, iterations, HASH_BYTES);
  return [ALGORITHM, String(iterations), toBase64Url(salt), toBase64Url(hash)].join("$");
}

/**
 * Whether `password` matches `stored`. A malformed or unknown stored value is a mismatch, never
 * an exception, so a corrupt row cannot turn a login into a 500.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed) return false;
  const candidate = await derive(password, parsed.salt, parsed.iterations, parsed.hash.length);
  return timingSafeEqual(candidate, parsed.hash);
}

/** Whether `stored` was made with other parameters than `hashPassword` uses today. */
export function needsRehash(stored: string): boolean {
  const parsed = parseStored(stored);
  return (
    !parsed ||
    parsed.iterations !== PASSWORD_ITERATIONS ||
    parsed.salt.length !== SALT_BYTES ||
    parsed.hash.length !== HASH_BYTES
  );
}

type PasswordWeakness = "too_short" | "too_long" | "too_simple" | "too_repetitive";

export type PasswordStrength =
  { ok: true } | { ok: false; code: PasswordWeakness; message: string; message_en: string };

/**
 * The rules a new password must meet: 10 to 256 characters, at least two kinds of character
 * (lower-case, upper-case, digits, other letters such as 汉字, symbols and spaces), and at least
 * four different characters. Lengths count characters, not UTF-16 units.
 */
export function checkPasswordStrength(password: string): PasswordStrength {
  const characters = [...normalize(password)];
  if (characters.length < MIN_PASSWORD_LENGTH) {
    return {
      ok: false,
      code: "too_short",
      message: `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符`,
      message_en: `The password needs at least ${MIN_PASSWORD_LENGTH} characters`,
    };
  }
  if (characters.length > MAX_PASSWORD_LENGTH) {
    return {
      ok: false,
      code: "too_long",
      message: `密码不能超过 ${MAX_PASSWORD_LENGTH} 个字符`,
      message_en: `The password may have at most ${MAX_PASSWORD_LENGTH} characters`,
    };
  }
  if (new Set(characters.map(characterClass)).size < 2) {
    return {
      ok: false,
      code: "too_simple",
      message: "密码需要包含至少两类字符（小写字母、大写字母、数字、汉字等其他文字、符号）",
      message_en:
        "The password needs at least two kinds of character (lower-case, upper-case, digits, other letters, symbols)",
    };
  }
  if (new Set(characters).size < MIN_DISTINCT_CHARACTERS) {
    return {
      ok: false,
      code: "too_repetitive",
      message: `密码至少需要 ${MIN_DISTINCT_CHARACTERS} 个不同的字符`,
      message_en: `The password needs at least ${MIN_DISTINCT_CHARACTERS} different characters`,
    };
  }
  return { ok: true };
}

function characterClass(character: string): string {
  if (/^[a-z]$/.test(character)) return "lower";
  if (/^[A-Z]$/.test(character)) return "upper";
  if (/^\p{Nd}$/u.test(character)) return "digit";
  if (/^\p{L}$/u.test(character)) return "letter";
  return "symbol";
}

/**
 * NFKC, as NIST SP 800-63B suggests: the same password typed through a Chinese IME (full-width
 * ＡＢＣ１２３) or on another system's composed forms must produce the same hash.
 */
function normalize(password: string): string {
  return password.normalize("NFKC");
}

async function derive(
  password: string,
  salt: Uint8Array,
  iterations: number,
  bytes: number,
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(normalize(password)),
    "PBKDF2",
    false,
    ["deriveBits"],
  );
  const bits = await crypto.subtle.deriveBits(
    // A copy backed by a plain ArrayBuffer satisfies both the DOM and the Workers typings.
    { name: "PBKDF2", hash: "SHA-256", salt: new Uint8Array(salt), iterations },
    key,
    bytes * 8,
  );
  return new Uint8Array(bits);
}

/** The parts of a stored hash this code can verify, or `null`. */
function parseStored(stored: string): StoredHash | null {
  const parts = stored.split("$");
  if (parts.length !== 4) return null;
  const [algorithm, iterationsText = "", saltText = "", hashText = ""] = parts;
  if (algorithm !== ALGORITHM || !/^[1-9]\d{0,8}$/.test(iterationsText)) return null;
  const iterations = Number(iterationsText);
  // Checked before deriving: the runtime would throw above its cap, and a tampered row must not
  // be able to ask for unbounded work.
  if (iterations > MAX_ITERATIONS) return null;
  const salt = fromBase64Url(saltText);
  const hash = fromBase64Url(hashText);
  if (!salt || !hash || salt.length < 8 || hash.length < 16 || hash.length > 64) return null;
  return { iterations, salt, hash };
}
