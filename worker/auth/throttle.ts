/**
 * The login throttling policy, as a pure function of recent failed logins and the time.
 *
 * Per account: the 5th failure within 15 minutes locks the account for 15 minutes; every further
 * lock within the lookback doubles (15 min, 30 min, 1 h, 2 h, then 4 h at most). A cap keeps an
 * attacker who knows a user name from locking that user out for days; the address limit and the
 * password rules carry the rest. Per address: at most 20 failures in any 15 minutes, a sliding
 * window with no escalation, because many offices share one egress address.
 *
 * The caller records a failure only for attempts this policy allowed and whose password then did
 * not match (a refused attempt checks no password, so it must not extend the lock), records
 * failures for unknown user names too (so a lock does not reveal which accounts exist), and may
 * drop an account's failures after a successful login.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const LOGIN_THROTTLE = {
  account: {
    failures: 5,
    windowMs: 15 * MINUTE,
    firstLockMs: 15 * MINUTE,
    maxLockMs: 4 * HOUR,
  },
  address: {
    failures: 20,
    windowMs: 15 * MINUTE,
  },
  /** Failures older than this no longer matter; the caller need not fetch them. */
  lookbackMs: 24 * HOUR,
} as const;

export interface LoginFailures {
  /** When the recent failed logins for this user name happened, in any order. */
  account: readonly Date[];
  /** When the recent failed logins from this address (see `throttleKeyForAddress`) happened. */
  address: readonly Date[];
}

export type ThrottleDecision =
  | { allowed: true; retryAfterSeconds: 0; limitedBy: null }
  | { allowed: false; retryAfterSeconds: number; limitedBy: "account" | "address" };

/**
 * Whether a login attempt may check its password now, and if not, for how long to wait.
 *
 * @example
 * const decision = loginThrottle(await recentFailures(db, username, addressKey), c.var.now);
 * if (!decision.allowed) c.header("Retry-After", String(decision.retryAfterSeconds));
 */
export function loginThrottle(failures: LoginFailures, now: Date): ThrottleDecision {
  const at = now.getTime();
  const accountWait = accountLockedUntil(recent(failures.account, at)) - at;
  const addressWait = addressBlockedUntil(recent(failures.address, at), at) - at;
  if (accountWait <= 0 && addressWait <= 0) {
    return { allowed: true, retryAfterSeconds: 0, limitedBy: null };
  }
  return {
    allowed: false,
    retryAfterSeconds: Math.ceil(Math.max(accountWait, addressWait) / 1000),
    limitedBy: accountWait >= addressWait ? "account" : "address",
  };
}

/** The failure times within the lookback, ascending, in epoch milliseconds. */
function recent(times: readonly Date[], at: number): number[] {
  return times
    .map((time) => time.getTime())
    .filter((time) => time > at - LOGIN_THROTTLE.lookbackMs)
    .sort((a, b) => a - b);
}

/**
 * Replays the failures in order: each one that completes a burst (the threshold reached within
 * the window ending at it) starts a lock twice as long as the previous one. Replaying rather than
 * storing a lock keeps the failure list the only state.
 */
function accountLockedUntil(times: readonly number[]): number {
  const { failures, windowMs, firstLockMs, maxLockMs } = LOGIN_THROTTLE.account;
  let lockedUntil = Number.NEGATIVE_INFINITY;
  let locks = 0;
  let windowStart = 0;
  times.forEach((time, index) => {
    while ((times[windowStart] ?? time) <= time - windowMs) windowStart++;
    if (index - windowStart + 1 >= failures) {
      lockedUntil = time + Math.min(firstLockMs * 2 ** locks, maxLockMs);
      locks++;
    }
  });
  return lockedUntil;
}

/** When enough of the failures in the current window will have left it to allow one more. */
function addressBlockedUntil(times: readonly number[], at: number): number {
  const { failures, windowMs } = LOGIN_THROTTLE.address;
  const inWindow = times.filter((time) => time > at - windowMs);
  const excess = inWindow.length - failures;
  if (excess < 0) return Number.NEGATIVE_INFINITY;
  return (inWindow[excess] ?? at) + windowMs;
}

/**
 * The key to count an address's failures under: an IPv4 address as is, an IPv6 address by its
 * /64 prefix, since one subscriber usually holds a whole /64 and could otherwise rotate through
 * it. An IPv4-mapped IPv6 address counts as its IPv4 address. Anything unparseable is returned
 * trimmed and lower-cased, so it still gets a bucket of its own.
 *
 * @example
 * throttleKeyForAddress("2001:db8:1:2:aaaa::1"); // "2001:db8:1:2::/64"
 */
export function throttleKeyForAddress(address: string): string {
  const text = address.trim().toLowerCase();
  if (parseIpv4(text)) return text;
  const groups = parseIpv6(text);
  if (!groups) return text;
  const [a, b, c, d, e, f, g, h] = groups;
  if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0 && f === 0xffff) {
    return [g, h].flatMap((word = 0) => [word >> 8, word & 0xff]).join(".");
  }
  return `${[a, b, c, d].map((word = 0) => word.toString(16)).join(":")}::/64`;
}

function parseIpv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const octets = parts.map((part) => (/^(0|[1-9]\d{0,2})$/.test(part) ? Number(part) : 256));
  return octets.every((octet) => octet <= 255) ? octets : null;
}

/** The eight 16-bit groups of an IPv6 address (zone id dropped), or `null`. */
function parseIpv6(text: string): number[] | null {
  const halves = text.replace(/%.*$/, "").split("::");
  if (halves.length > 2) return null;
  const words = (half: string | undefined): number[] | null => {
    if (!half) return [];
    const result: number[] = [];
    const pieces = half.split(":");
    for (const [index, piece] of pieces.entries()) {
      const ipv4 = index === pieces.length - 1 ? parseIpv4(piece) : null;
      if (ipv4) {
        const [o1 = 0, o2 = 0, o3 = 0, o4 = 0] = ipv4;
        result.push((o1 << 8) | o2, (o3 << 8) | o4);
      } else if (/^[0-9a-f]{1,4}$/.test(piece)) {
        result.push(parseInt(piece, 16));
      } else {
        return null;
      }
    }
    return result;
  };
  const head = words(halves[0]);
  const tail = words(halves[1]);
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}
