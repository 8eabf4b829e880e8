import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { unwrap } from "../../web/api";
import { I18nProvider } from "../../web/i18n";
import { SessionProvider, useSession } from "../../web/lib/session";
import { aUser, json, stubFetch } from "./builders";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

let session: ReturnType<typeof useSession>;
function Probe() {
  // The test reads the hook's latest value from outside the tree, through this variable.
  // eslint-disable-next-line react-hooks/globals
  session = useSession();
  return <p>{session.user ? session.user.name : session.status}</p>;
}

describe("SessionProvider", () => {
  it("signs in, then sends the token it was given with later writes, keeping it out of storage", async () => {
    window.localStorage.clear();
    window.sessionStorage.clear();
    const fetch = stubFetch({
      "GET /api/auth/session": json({ user: null, csrf_token: null }),
      "POST /api/auth/login": json({
        user: aUser({ name: "赵管理" }),
        csrf_token: "csrf-from-login",
      }),
      "POST /api/users/5/revoke-sessions": new Response(null, { status: 204 }),
    });
    render(
      <I18nProvider>
        <SessionProvider>
          <Probe />
        </SessionProvider>
      </I18nProvider>,
    );
    await act(() => session.login("zhao@example.gov.cn", "a-long-password-1"));
    expect(screen.getByText("赵管理")).toBeTruthy();
    await act(() =>
      session.api.users[":id"]["revoke-sessions"].$post({ param: { id: "5" } }).then(unwrap),
    );
    const [, init] = fetch.mock.calls.at(-1)!;
    expect(new Headers(init?.headers).get("X-CSRF-Token")).toBe("csrf-from-login");
    const stored =
      JSON.stringify({ ...window.localStorage }) + JSON.stringify({ ...window.sessionStorage });
    expect(stored).not.toContain("csrf-from-login");
  });

  it("shows the app as signed out when a write finds the session gone", async () => {
    stubFetch({
      "POST /api/invites": json(
        { error: { code: "authentication_required", message: "需要登录" } },
        401,
      ),
    });
    render(
      <I18nProvider>
        <SessionProvider initial={{ user: aUser({ name: "钱审核" }), csrf_token: "t" }}>
          <Probe />
        </SessionProvider>
      </I18nProvider>,
    );
    expect(screen.getByText("钱审核")).toBeTruthy();
    const invite = { email: "a@b.cn", name: "甲", role: "submitter", agency_id: 7 } as const;
    await act(() =>
      session.api.invites
        .$post({ json: invite })
        .then(unwrap)
        .catch(() => undefined),
    );
    expect(screen.queryByText("钱审核")).toBeNull();
  });
});
