import { describe, expect, it } from "vitest";
import { csrfTokenFor, verifyCsrf } from "../../../worker/auth/csrf";
import { newSecret } from "../../../worker/auth/secrets";

describe("CSRF tokens", () => {
  it("accepts the token derived from the same session", async () => {
    const session = newSecret();
    const token = await csrfTokenFor(session);
    expect(await verifyCsrf(session, token)).toBe(true);
    expect(await csrfTokenFor(session)).toBe(token);
  });

  it("rejects a token that belongs to another session", async () => {
    const mine = newSecret();
    const theirs = newSecret();
    expect(await verifyCsrf(mine, await csrfTokenFor(theirs))).toBe(false);
  });

  it("rejects a missing, empty, truncated or altered token", async () => {
    const session = newSecret();
    const token = await csrfTokenFor(session);
    const altered = `${token.startsWith("A") ? "B" : "A"}${token.slice(1)}`;
    for (const candidate of [null, undefined, "", token.slice(0, -2), altered, `${token}AA`]) {
      expect(await verifyCsrf(session, candidate)).toBe(false);
    }
  });

  it("does not reveal the session secret in the token", async () => {
    const session = newSecret();
    expect(await csrfTokenFor(session)).not.toBe(session);
  });
});
