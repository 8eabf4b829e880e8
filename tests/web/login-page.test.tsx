import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LoginPage } from "../../web/pages/login-page";
import { aUser, apiError, json, renderWithSession, stubFetch } from "./builders";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, "", "/");
});

function signIn(email = "li@example.gov.cn", password = "wrong-password-1") {
  fireEvent.change(screen.getByLabelText("邮箱"), { target: { value: email } });
  fireEvent.change(screen.getByLabelText("密码"), { target: { value: password } });
  fireEvent.click(screen.getByRole("button", { name: "登录" }));
}

describe("LoginPage", () => {
  it("shows the server's Chinese message when the credentials are wrong, and marks both fields", async () => {
    stubFetch({
      "POST /api/auth/login": apiError(401, "invalid_credentials", "邮箱或密码不正确"),
    });
    renderWithSession(<LoginPage />);
    signIn();
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("邮箱或密码不正确");
    const email = screen.getByLabelText("邮箱");
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(email.getAttribute("aria-describedby")).toContain(alert.id);
  });

  it("tells how long to wait after too many attempts", async () => {
    stubFetch({
      "POST /api/auth/login": apiError(429, "too_many_attempts", "登录尝试次数过多，已暂时锁定", {
        retry_after_seconds: 120,
      }),
    });
    renderWithSession(<LoginPage />);
    signIn();
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("登录尝试次数过多，已暂时锁定");
    expect(alert.textContent).toContain("请在 2 分钟后再试");
  });

  it("sends the email and password, then goes to the page named by next", async () => {
    window.history.replaceState(null, "", "/login?next=%2Freview");
    const fetch = stubFetch({
      "POST /api/auth/login": json({ user: aUser(), csrf_token: "fresh-token" }),
    });
    renderWithSession(<LoginPage />);
    signIn("wang@example.gov.cn", "correct horse 1");
    await vi.waitFor(() => expect(window.location.pathname).toBe("/review"));
    expect(JSON.parse(String(fetch.mock.calls[0]![1]?.body))).toEqual({
      email: "wang@example.gov.cn",
      password: "correct horse 1",
    });
  });
});
