import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiRequestError } from "../../web/api";
import { getJson, sendJson, withQuery } from "../../web/lib/http";
import { apiError, json, stubFetch } from "./builders";

afterEach(() => {
  vi.unstubAllGlobals();
});

const refusal = (request: Promise<unknown>) =>
  request.then(
    () => Promise.reject(new Error("the request should have failed")),
    (error: unknown) => error as ApiRequestError,
  );

const headersOf = (init: RequestInit | undefined) => new Headers(init?.headers);

describe("the JSON client of the account routes", () => {
  it("sends the CSRF token and a JSON body with every write", async () => {
    const fetch = stubFetch({
      "POST /api/invites": json({ invite_url: "x", expires_at: "y" }, 201),
    });
    await sendJson("POST", "/api/invites", { email: "a@b.cn" }, "token-123");
    const [, init] = fetch.mock.calls[0]!;
    expect(headersOf(init).get("X-CSRF-Token")).toBe("token-123");
    expect(headersOf(init).get("Content-Type")).toBe("application/json");
    expect(init?.credentials).toBe("same-origin");
    expect(JSON.parse(String(init?.body))).toEqual({ email: "a@b.cn" });
  });

  it("sends the token on bodiless writes and reads a 204 as nothing", async () => {
    const fetch = stubFetch({ "DELETE /api/tokens/4": new Response(null, { status: 204 }) });
    await expect(
      sendJson("DELETE", "/api/tokens/4", undefined, "token-123"),
    ).resolves.toBeUndefined();
    expect(headersOf(fetch.mock.calls[0]![1]).get("X-CSRF-Token")).toBe("token-123");
  });

  it("sends no CSRF header on reads", async () => {
    const fetch = stubFetch({ "GET /api/users": json({ items: [] }) });
    await getJson("/api/users");
    expect(headersOf(fetch.mock.calls[0]![1]).has("X-CSRF-Token")).toBe(false);
  });

  it("turns the error body into an ApiRequestError with both languages, issues and the wait", async () => {
    stubFetch({
      "POST /api/auth/login": apiError(429, "too_many_attempts", "尝试次数过多", {
        retry_after_seconds: 90,
      }),
      "POST /api/auth/invites/t/accept": json(
        {
          error: {
            code: "validation_failed",
            message: "密码太弱",
            message_en: "Weak password",
            issues: [{ path: "password", code: "too_short", message: "太短", message_en: "short" }],
          },
        },
        400,
      ),
    });
    const throttled = await refusal(sendJson("POST", "/api/auth/login", {}, null));
    expect(throttled).toBeInstanceOf(ApiRequestError);
    expect(throttled).toMatchObject({
      status: 429,
      code: "too_many_attempts",
      retryAfterSeconds: 90,
    });
    expect(throttled.message).toBe("尝试次数过多");
    const weak = await refusal(sendJson("POST", "/api/auth/invites/t/accept", {}, null));
    expect(weak.messageEn).toBe("Weak password");
    expect(weak.issues[0]?.path).toBe("password");
  });

  it("leaves empty filters out of the query string", () => {
    expect(
      withQuery("/api/reports", { year: 2024, status: "", late: null, under: undefined }),
    ).toBe("/api/reports?year=2024");
  });
});
