import { describe, expect, it } from "vitest";
import {
  PASSWORD_ITERATIONS,
  checkPasswordStrength,
  hashPassword,
  needsRehash,
  verifyPassword,
} from "../../../worker/auth/password";

// Computed outside the Worker with Node's crypto.pbkdf2Sync, so these pin the stored format and
// the normalization independently of this implementation.
const NODE_HASH_100K =
  "pbkdf2-sha256$100000$bmlhbmJhby1maXhlZC1zYQ$1HY8BplSk6d-kiFvve3Fg3U8aFyIdI0vnMF7sEICOF4";
const NODE_HASH_100K_PASSWORD = "年报 Correct-Horse 42";
const NODE_HASH_1K =
  "pbkdf2-sha256$1000$bmlhbmJhby1maXhlZC1zYQ$_tetrcRHjsmE1rY_1EjY4VZV6--j63rUf9kyVGBtjkU";

describe("password hashing", () => {
  it("verifies a password against its own hash", async () => {
    const stored = await hashPassword("审核 Reviewer 2024!");
    expect(await verifyPassword("审核 Reviewer 2024!", stored)).toBe(true);
  });

  it("rejects a wrong password, including one differing only in case or a trailing space", async () => {
    const stored = await hashPassword("Submitter-Pass-1");
    expect(await verifyPassword("Submitter-Pass-2", stored)).toBe(false);
    expect(await verifyPassword("submitter-pass-1", stored)).toBe(false);
    expect(await verifyPassword("Submitter-Pass-1 ", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("salts every hash, so one password hashed twice gives two different strings", async () => {
    const first = await hashPassword("same password 123");
    const second = await hashPassword("same password 123");
    expect(first).not.toBe(second);
    expect(first.split("$")[2]).not.toBe(second.split("$")[2]);
    expect(await verifyPassword("same password 123", second)).toBe(true);
  });

  it("records 100,000 iterations, a 16-byte salt and a 32-byte key in the stored string", async () => {
    expect(PASSWORD_ITERATIONS).toBe(100_000);
    const stored = await hashPassword("format check 1");
    expect(stored).toMatch(/^pbkdf2-sha256\$100000\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(needsRehash(stored)).toBe(false);
  });

  it("refuses an iteration count the runtime cannot run or below the floor", async () => {
    await expect(hashPassword("x", { iterations: 200_000 })).rejects.toThrow(RangeError);
    await expect(hashPassword("x", { iterations: 10_000 })).rejects.toThrow(RangeError);
    await expect(hashPassword("x", { iterations: 100_000.5 })).rejects.toThrow(RangeError);
  });

  it("verifies a hash made by another PBKDF2 implementation from the stored parameters", async () => {
    expect(await verifyPassword(NODE_HASH_100K_PASSWORD, NODE_HASH_100K)).toBe(true);
    expect(await verifyPassword("年报 Correct-Horse 43", NODE_HASH_100K)).toBe(false);
  });

  it("verifies an older hash with fewer iterations and flags it for rehashing", async () => {
    expect(await verifyPassword("legacy password 1", NODE_HASH_1K)).toBe(true);
    expect(needsRehash(NODE_HASH_1K)).toBe(true);
  });

  it("treats full-width input from a Chinese IME as the same password", async () => {
    expect(await verifyPassword("年报 Ｃｏｒｒｅｃｔ－Ｈｏｒｓｅ ４２", NODE_HASH_100K)).toBe(true);
  });

  it("answers false, without throwing, for malformed or tampered stored values", async () => {
    const [, , salt, hash] = NODE_HASH_100K.split("$");
    const broken = [
      "",
      "plaintext",
      `bcrypt$100000$${salt}$${hash}`,
      `pbkdf2-sha256$0$${salt}$${hash}`,
      `pbkdf2-sha256$abc$${salt}$${hash}`,
      `pbkdf2-sha256$100001$${salt}$${hash}`,
      `pbkdf2-sha256$999999999$${salt}$${hash}`,
      `pbkdf2-sha256$100000$${salt}$`,
      `pbkdf2-sha256$100000$not+base64url$${hash}`,
      `pbkdf2-sha256$100000$${salt}$${hash}$extra`,
    ];
    for (const stored of broken) {
      expect(await verifyPassword(NODE_HASH_100K_PASSWORD, stored)).toBe(false);
      expect(needsRehash(stored)).toBe(true);
    }
  });
});

describe("password strength", () => {
  it("accepts a ten-character password that mixes two kinds of character", () => {
    expect(checkPasswordStrength("abcdefgh12")).toEqual({ ok: true });
    expect(checkPasswordStrength("政府信息公开年报2024")).toEqual({ ok: true });
    expect(checkPasswordStrength("long pass phrase")).toEqual({ ok: true });
  });

  it("rejects a password shorter than ten characters, counting 汉字 as one each", () => {
    const result = checkPasswordStrength("年报年报2024");
    expect(result).toMatchObject({ ok: false, code: "too_short" });
    expect(checkPasswordStrength("Ab1!Ab1!A")).toMatchObject({ ok: false, code: "too_short" });
  });

  it("rejects a password made of one kind of character only", () => {
    for (const password of [
      "abcdefghijkl",
      "ABCDEFGHIJKL",
      "123456789012",
      "政府信息公开工作年度报告",
    ]) {
      expect(checkPasswordStrength(password)).toMatchObject({ ok: false, code: "too_simple" });
    }
  });

  it("rejects a password that repeats fewer than four different characters", () => {
    expect(checkPasswordStrength("1111111111a")).toMatchObject({
      ok: false,
      code: "too_repetitive",
    });
  });

  it("rejects a password longer than 256 characters", () => {
    expect(checkPasswordStrength(`Aa1${"x".repeat(254)}`)).toMatchObject({
      ok: false,
      code: "too_long",
    });
  });

  it("explains every rejection in Chinese and in English", () => {
    const result = checkPasswordStrength("short");
    if (result.ok) throw new Error("expected a rejection");
    expect(result.message).toContain("10");
    expect(result.message).toMatch(/[\u4e00-\u9fff]/);
    expect(result.message_en).toContain("at least 10 characters");
  });
});
