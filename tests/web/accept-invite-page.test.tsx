import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AcceptInvitePage } from "../../web/pages/accept-invite-page";
import { aUser, apiError, json, renderWithSession, stubFetch } from "./builders";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, "", "/");
});

const invite = {
  email: "li@example.gov.cn",
  name: "李填报",
  role: "submitter",
  agency_name: "示范市教育局",
  region_name: null,
  expires_at: "2030-01-01T00:00:00Z",
  purpose: "invite",
};

function choose(password: string, confirm = password) {
  fireEvent.change(screen.getByLabelText("新密码"), { target: { value: password } });
  fireEvent.change(screen.getByLabelText("确认新密码"), { target: { value: confirm } });
  fireEvent.click(screen.getByRole("button", { name: "设置密码并登录" }));
}

describe("AcceptInvitePage", () => {
  it("reads the token from the hash, says who is invited where, and signs in", async () => {
    window.history.replaceState(null, "", "/invite#tok-1");
    const fetch = stubFetch({
      "GET /api/auth/invites/tok-1": json(invite),
      "POST /api/auth/invites/tok-1/accept": json({ user: aUser(), csrf_token: "t" }),
    });
    renderWithSession(<AcceptInvitePage purpose="invite" />);
    expect(
      await screen.findByText(/李填报（li@example.gov.cn）受邀以机构填报员身份加入示范市教育局/),
    ).toBeTruthy();
    choose("Shifan-2024!");
    await vi.waitFor(() => expect(window.location.pathname).toBe("/"));
    expect(window.location.hash).toBe("");
    const [, init] = fetch.mock.calls.at(-1)!;
    expect(JSON.parse(String(init?.body))).toEqual({ password: "Shifan-2024!", name: "李填报" });
  });

  it("refuses a short password and a mismatched confirmation before asking the server", async () => {
    window.history.replaceState(null, "", "/invite#tok-1");
    const fetch = stubFetch({ "GET /api/auth/invites/tok-1": json(invite) });
    renderWithSession(<AcceptInvitePage purpose="invite" />);
    await screen.findByLabelText("新密码");
    choose("short1", "short2");
    expect(screen.getByText("密码至少需要 10 个字符")).toBeTruthy();
    expect(screen.getByText("两次输入的密码不一致")).toBeTruthy();
    expect(screen.getByLabelText("新密码").getAttribute("aria-invalid")).toBe("true");
    expect(fetch.mock.calls).toHaveLength(1);
  });

  it("shows the server's complaint about the password next to the field", async () => {
    window.history.replaceState(null, "", "/invite#tok-1");
    stubFetch({
      "GET /api/auth/invites/tok-1": json(invite),
      "POST /api/auth/invites/tok-1/accept": json(
        {
          error: {
            code: "validation_failed",
            message: "密码不符合要求",
            message_en: "Weak password",
            issues: [
              {
                path: "password",
                code: "breached",
                message: "该密码过于常见",
                message_en: "common",
              },
            ],
          },
        },
        400,
      ),
    });
    renderWithSession(<AcceptInvitePage purpose="invite" />);
    await screen.findByLabelText("新密码");
    choose("Password-12345");
    const problem = await screen.findByText("该密码过于常见");
    expect(screen.getByLabelText("新密码").getAttribute("aria-describedby")).toContain(problem.id);
  });

  it("explains a used link", async () => {
    window.history.replaceState(null, "", "/reset#old");
    stubFetch({ "GET /api/auth/invites/old": apiError(410, "invite_used", "该链接已被使用") });
    renderWithSession(<AcceptInvitePage purpose="reset" />);
    expect((await screen.findByRole("alert")).textContent).toContain("该链接已被使用");
    expect(screen.getByText(/重新生成链接/)).toBeTruthy();
  });

  it("says the link is incomplete without asking the server for an empty token", async () => {
    window.history.replaceState(null, "", "/invite");
    const fetch = stubFetch({});
    renderWithSession(<AcceptInvitePage purpose="invite" />);
    expect((await screen.findByRole("alert")).textContent).toContain("缺少邀请码");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetch).not.toHaveBeenCalled();
  });
});
