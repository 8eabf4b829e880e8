import { describe, expect, it } from "vitest";
import {
  fromBase64Url,
  hashSecret,
  newSecret,
  timingSafeEqual,
  toBase64Url,
} from "../../../worker/auth/secrets";

describe("secrets", () => {
  it("makes 32-byte base64url secrets that never repeat", () => {
    const secrets = new Set(Array.from({ length: 1000 }, () => newSecret()));
    expect(secrets.size).toBe(1000);
    for (const secret of secrets) {
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(fromBase64Url(secret)?.length).toBe(32);
    }
  });

  it("honours a requested size and refuses secrets shorter than 128 bits", () => {
    expect(fromBase64Url(newSecret(48))?.length).toBe(48);
    expect(() => newSecret(8)).toThrow(RangeError);
    expect(() => newSecret(1.5)).toThrow(RangeError);
  });

  it("hashes a secret to a stable SHA-256 hex digest", async () => {
    expect(await hashSecret("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    const secret = newSecret();
    expect(await hashSecret(secret)).toBe(await hashSecret(secret));
    expect(await hashSecret(secret)).not.toBe(await hashSecret(newSecret()));
    expect(await hashSecret(secret)).not.toContain(secret);
  });

  it("compares strings and bytes for equality without regard to where they differ", () => {
    expect(timingSafeEqual("token-a", "token-a")).toBe(true);
    expect(timingSafeEqual("token-a", "token-b")).toBe(false);
    expect(timingSafeEqual("token", "token-longer")).toBe(false);
    expect(timingSafeEqual("", "")).toBe(true);
    expect(timingSafeEqual("年报", "年报")).toBe(true);
    expect(timingSafeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(timingSafeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
  });

  it("round-trips every byte value through base64url and rejects other alphabets", () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = toBase64Url(bytes);
    expect(text).not.toMatch(/[+/=]/);
    expect(fromBase64Url(text)).toEqual(bytes);
    expect(fromBase64Url("a+b/")).toBeNull();
    expect(fromBase64Url("abcde")).toBeNull();
  });
});
