import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NotificationBell } from "../../../web/components/notification-bell";
import { NotificationsPage } from "../../../web/pages/notifications-page";
import { OutboxPage } from "../../../web/pages/outbox-page";
import { aUser, json, renderWithSession, stubFetch } from "../builders";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, "", "/");
});

const note = (id: number, overrides: Record<string, unknown> = {}) => ({
  id,
  kind: "report_submitted",
  title: `示范市教育局 2025 年度报告已提交，待审核（${id}）`,
  body: "李填报 提交了报告，请审核。",
  link: "/reports/60/2025",
  created_at: "2026-01-20T02:00:00.000Z",
  read: false,
  ...overrides,
});

const LIST = {
  items: [note(3), note(2, { kind: "review_digest", read: true, link: "/review" })],
  unread: 1,
};

/** Internal codes the pages must never print. */
const CODES = /[a-z]+_[a-z_]+|\b(sent|failed)\b/;

describe("the notification centre", () => {
  it("the bell says the unread count, opens the latest, and marks one read when followed", async () => {
    let unread = 1;
    const fetch = stubFetch({
      "GET /api/notifications": () => json({ ...LIST, unread }),
      "POST /api/notifications/3/read": () => {
        unread = 0;
        return new Response(null, { status: 204 });
      },
    });
    renderWithSession(<NotificationBell userId={5} />, aUser({ role: "reviewer" }));

    const bell = await screen.findByRole("button", { name: "通知 1 条未读" });
    fireEvent.click(bell);
    const panel = await screen.findByRole("region", { name: "通知" });
    const link = await within(panel).findByRole("link", { name: LIST.items[0]!.title });
    expect(link.getAttribute("href")).toBe("/reports/60/2025");
    expect(panel.textContent).toContain("报告提交");
    expect(panel.textContent).toContain("待审汇总");
    expect(panel.textContent).not.toMatch(CODES);

    fireEvent.click(link);
    await screen.findByRole("button", { name: "通知 没有未读" });
    expect(window.location.pathname).toBe("/reports/60/2025");
    const read = fetch.mock.calls.filter(([, init]) => init?.method === "POST");
    expect(read).toHaveLength(1);
    expect(new Headers(read[0]![1]!.headers).get("x-csrf-token")).toBe("csrf-abc");
  });

  it("the page lists, filters unread, and keeps e-mail choices per kind", async () => {
    let saved: unknown = null;
    const fetch = stubFetch({
      "GET /api/notifications": json(LIST),
      "GET /api/notifications/email-settings": json({
        email: "wang@example.gov.cn",
        kinds: [
          { kind: "report_submitted", email: true },
          { kind: "review_digest", email: true },
        ],
      }),
      "PUT /api/notifications/email-settings": (init) => {
        saved = JSON.parse(String(init.body));
        return json({
          email: "wang@example.gov.cn",
          kinds: [
            { kind: "report_submitted", email: true },
            { kind: "review_digest", email: false },
          ],
        });
      },
    });
    renderWithSession(<NotificationsPage />, aUser({ role: "reviewer" }));

    await screen.findByText("1 条未读");
    expect(screen.getAllByRole("button", { name: "标为已读" })).toHaveLength(1);
    fireEvent.change(screen.getByLabelText("显示"), { target: { value: "unread" } });
    await waitFor(() =>
      expect(fetch.mock.calls.some(([url]) => String(url).includes("unread=true"))).toBe(true),
    );
    expect(window.location.search).toBe("?show=unread");

    const settings = screen.getByRole("region", { name: "邮件提醒" });
    expect(settings.textContent).toContain("wang@example.gov.cn");
    fireEvent.click(await within(settings).findByLabelText("待审汇总"));
    fireEvent.click(within(settings).getByRole("button", { name: "保存" }));
    await within(settings).findByText("已保存。");
    expect(saved).toEqual({ kinds: { report_submitted: true, review_digest: false } });
    expect(within(settings).getByLabelText<HTMLInputElement>("待审汇总").checked).toBe(false);
    expect(document.body.textContent).not.toMatch(CODES);
  });

  it("the outbox shows each message with its kind, reader and fate in words", async () => {
    stubFetch({
      "GET /api/outbox": json({
        items: [
          {
            id: 2,
            to: "li@example.gov.cn",
            user_name: "李填报",
            kind: "invitation",
            subject: "邀请您使用年报",
            text: "请打开链接设置密码。",
            html: "<p>请打开链接设置密码。</p>",
            status: "failed",
            error: "no EMAIL binding",
            created_at: "2026-01-20T02:00:00.000Z",
          },
          {
            id: 1,
            to: "zhao@example.gov.cn",
            user_name: null,
            kind: "chase",
            subject: "请尽快提交 2025 年度报告",
            text: "截止日期 2026-01-31。",
            html: "<p>截止日期 2026-01-31。</p>",
            status: "sent",
            error: null,
            created_at: "2026-01-19T02:00:00.000Z",
          },
        ],
        total: 2,
      }),
    });
    renderWithSession(<OutboxPage />, aUser({ role: "admin" }));

    const items = await screen.findAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain("账号邀请");
    expect(items[0]!.textContent).toContain("李填报 <li@example.gov.cn>");
    expect(items[0]!.textContent).toContain("发送失败");
    expect(items[1]!.textContent).toContain("催报");
    expect(items[1]!.textContent).toContain("已发送");
    expect(items[1]!.querySelector("pre")?.textContent).toBe("截止日期 2026-01-31。");
    const frame = items[1]!.querySelector("iframe")!;
    expect(frame.getAttribute("sandbox")).toBe("");
    expect(frame.getAttribute("src")).toBe("/api/outbox/1/html");
    expect(screen.getByText("共 2 封")).toBeTruthy();
  });
});
