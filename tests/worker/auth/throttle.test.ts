import { describe, expect, it } from "vitest";
import {
  LOGIN_THROTTLE,
  loginThrottle,
  throttleKeyForAddress,
} from "../../../worker/auth/throttle";

const START = Date.parse("2025-03-01T08:00:00Z");
const at = (minutes: number) => new Date(START + minutes * 60_000);
const times = (...minutes: number[]) => minutes.map(at);
const none: Date[] = [];

describe("login throttling per account", () => {
  it("allows logins after four failures within 15 minutes", () => {
    expect(loginThrottle({ account: times(0, 1, 2, 3), address: none }, at(4))).toEqual({
      allowed: true,
      retryAfterSeconds: 0,
      limitedBy: null,
    });
  });

  it("locks the account for 15 minutes after the fifth failure within 15 minutes", () => {
    const account = times(0, 1, 2, 3, 4);
    expect(loginThrottle({ account, address: none }, at(4))).toEqual({
      allowed: false,
      retryAfterSeconds: 15 * 60,
      limitedBy: "account",
    });
    expect(loginThrottle({ account, address: none }, at(10))).toMatchObject({
      allowed: false,
      retryAfterSeconds: 9 * 60,
    });
  });

  it("unlocks the account once the lock has run out", () => {
    const account = times(0, 1, 2, 3, 4);
    expect(loginThrottle({ account, address: none }, at(19)).allowed).toBe(true);
  });

  it("does not lock for five failures spread over more than 15 minutes", () => {
    expect(loginThrottle({ account: times(0, 5, 10, 14, 16), address: none }, at(16)).allowed).toBe(
      true,
    );
  });

  it("doubles the lock for each further burst of failures, up to four hours", () => {
    const bursts = [0, 20, 60, 140, 300, 560];
    const expectedLocks = [15, 30, 60, 120, 240, 240];
    const account: Date[] = [];
    bursts.forEach((start, index) => {
      account.push(...times(start, start + 1, start + 2, start + 3, start + 4));
      const decision = loginThrottle({ account, address: none }, at(start + 4));
      expect(decision).toMatchObject({
        allowed: false,
        retryAfterSeconds: (expectedLocks[index] ?? 0) * 60,
      });
    });
  });

  it("forgets earlier locks once their failures are more than a day old", () => {
    const earlier = times(0, 1, 2, 3, 4, 20, 21, 22, 23, 24);
    const later = times(1500, 1501, 1502, 1503, 1504);
    const decision = loginThrottle({ account: [...earlier, ...later], address: none }, at(1504));
    expect(decision.retryAfterSeconds).toBe(15 * 60);
  });

  it("does not depend on the order in which failures are given", () => {
    const account = times(4, 0, 3, 1, 2);
    expect(loginThrottle({ account, address: none }, at(4)).retryAfterSeconds).toBe(15 * 60);
  });
});

describe("login throttling per address", () => {
  const twenty = Array.from({ length: 20 }, (_, i) => at(i * 0.5));

  it("allows nineteen failures from one address within 15 minutes", () => {
    expect(loginThrottle({ account: none, address: twenty.slice(0, 19) }, at(10)).allowed).toBe(
      true,
    );
  });

  it("blocks the address after twenty failures within 15 minutes, whatever the accounts", () => {
    expect(loginThrottle({ account: none, address: twenty }, at(10))).toEqual({
      allowed: false,
      retryAfterSeconds: 5 * 60,
      limitedBy: "address",
    });
  });

  it("unblocks the address as soon as its oldest failure leaves the window", () => {
    expect(loginThrottle({ account: none, address: twenty }, at(15)).allowed).toBe(true);
    expect(loginThrottle({ account: none, address: twenty }, at(14.9)).allowed).toBe(false);
  });

  it("reports the longer wait when both the account and the address are limited", () => {
    const decision = loginThrottle({ account: times(0, 1, 2, 3, 4), address: twenty }, at(10));
    expect(decision).toMatchObject({ allowed: false, limitedBy: "account" });
    expect(decision.retryAfterSeconds).toBe(9 * 60);
  });

  it("asks the caller for no more than a day of history", () => {
    expect(LOGIN_THROTTLE.lookbackMs).toBe(24 * 60 * 60 * 1000);
  });
});

describe("address keys", () => {
  it("keeps an IPv4 address as it is", () => {
    expect(throttleKeyForAddress("203.0.113.7")).toBe("203.0.113.7");
  });

  it("groups an IPv6 address by its /64 prefix, however it is written", () => {
    const key = "2001:db8:1:2::/64";
    expect(throttleKeyForAddress("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe(key);
    expect(throttleKeyForAddress("2001:0DB8:0001:0002::1")).toBe(key);
    expect(throttleKeyForAddress("2001:db8:1:2::ffff%eth0")).toBe(key);
    expect(throttleKeyForAddress("2001:db8::1")).toBe("2001:db8:0:0::/64");
  });

  it("treats an IPv4-mapped IPv6 address as the IPv4 address", () => {
    expect(throttleKeyForAddress("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(throttleKeyForAddress("::ffff:cb00:7107")).toBe("203.0.113.7");
  });

  it("keeps anything unparseable as its own lower-cased key", () => {
    expect(throttleKeyForAddress(" Unknown ")).toBe("unknown");
    expect(throttleKeyForAddress("1::2::3")).toBe("1::2::3");
    expect(throttleKeyForAddress("300.1.1.1")).toBe("300.1.1.1");
  });
});
