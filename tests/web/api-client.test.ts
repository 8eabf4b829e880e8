import { afterEach, describe, expect, it, vi } from "vitest";
import { api, apiClient, ApiRequestError, query, unwrap } from "../../web/api";
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

describe("the typed API client", () => {
  it("sends the CSRF token and a JSON body with every write, with the session's cookie", async () => {
    const fetch = stubFetch({
      "POST /api/tokens": json({ id: 1, token: "nbk_x", name: "导入", agency_id: 7 }, 201),
    });
    await apiClient({ csrfToken: "token-123" })
      .tokens.$post({ json: { agency_id: 7, name: "导入" } })
      .then(unwrap);
    const [url, init] = fetch.mock.calls[0]!;
    expect(String(url)).toBe("/api/tokens");
    expect(init?.method).toBe("POST");
    expect(headersOf(init).get("X-CSRF-Token")).toBe("token-123");
    expect(headersOf(init).get("Content-Type")).toBe("application/json");
    expect(init?.credentials).toBe("same-origin");
    expect(JSON.parse(String(init?.body))).toEqual({ agency_id: 7, name: "导入" });
  });

  it("sends the token on bodiless writes and reads a 204 as nothing", async () => {
    const fetch = stubFetch({ "DELETE /api/tokens/4": new Response(null, { status: 204 }) });
    const client = apiClient({ csrfToken: "token-123" });
    await expect(
      client.tokens[":id"].$delete({ param: { id: "4" } }).then(unwrap),
    ).resolves.toBeUndefined();
    const init = fetch.mock.calls[0]![1];
    expect(headersOf(init).get("X-CSRF-Token")).toBe("token-123");
    expect(init?.body).toBeUndefined();
  });

  it("sends no CSRF header on reads, even from a session's client", async () => {
    const fetch = stubFetch({ "GET /api/users": json({ items: [] }) });
    await apiClient({ csrfToken: "token-123" }).users.$get().then(unwrap);
    await api.users.$get().then(unwrap);
    for (const [, init] of fetch.mock.calls) {
      expect(headersOf(init).has("X-CSRF-Token")).toBe(false);
      expect(init?.credentials).toBe("same-origin");
    }
  });

  it("tells the session when a write finds it ended, and only a write", async () => {
    stubFetch({
      "GET /api/users": apiError(401, "authentication_required", "需要登录"),
      "POST /api/users/5/revoke-sessions": apiError(401, "authentication_required", "需要登录"),
    });
    const onSessionEnded = vi.fn();
    const client = apiClient({ csrfToken: "t", onSessionEnded });
    await refusal(client.users.$get().then(unwrap));
    expect(onSessionEnded).not.toHaveBeenCalled();
    await refusal(
      client.users[":id"]["revoke-sessions"].$post({ param: { id: "5" } }).then(unwrap),
    );
    expect(onSessionEnded).toHaveBeenCalledOnce();
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
    const throttled = await refusal(
      api.auth.login.$post({ json: { email: "a@b.cn", password: "x" } }).then(unwrap),
    );
    expect(throttled).toBeInstanceOf(ApiRequestError);
    expect(throttled).toMatchObject({
      status: 429,
      code: "too_many_attempts",
      retryAfterSeconds: 90,
    });
    expect(throttled.message).toBe("尝试次数过多");
    const weak = await refusal(
      api.auth.invites[":token"].accept
        .$post({ param: { token: "t" }, json: { password: "x" } })
        .then(unwrap),
    );
    expect(weak.messageEn).toBe("Weak password");
    expect(weak.issues[0]?.path).toBe("password");
  });

  it("says so when the server cannot be reached", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(() => Promise.reject(new TypeError("Failed to fetch"))),
    );
    const failure = await refusal(api.users.$get().then(unwrap));
    expect(failure).toMatchObject({ status: 0, code: "network_error" });
    expect(failure.messageEn).toMatch(/Cannot reach the server/);
  });

  it("sends numbers as text and leaves empty filters out of the query string", async () => {
    const fetch = stubFetch({ "GET /api/reports": json({ items: [], total: 0 }) });
    const under: string = "";
    const filter = query({ year: 2024, under, late: null, q: undefined, limit: 50 });
    expect(filter).toEqual({ year: "2024", limit: "50" });
    await api.reports.$get({ query: filter }).then(unwrap);
    expect(String(fetch.mock.calls[0]![0])).toBe("/api/reports?year=2024&limit=50");
    expect(api.reports.$path({ query: query({ year: 2024, format: "csv" }) })).toBe(
      "/api/reports?year=2024&format=csv",
    );
  });
});
