import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ChaseDialog } from "../../../web/components/chase-dialog";
import { aUser, apiError, json, renderWithSession, stubFetch } from "../builders";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const PREVIEW = {
  agencies: 23,
  recipients: 17,
  without_submitter: 4,
  chased_today: 2,
  names: ["示范市教育局", "示范市民政局"],
  title: "请尽快提交示范市教育局 2025 年度报告",
  body: "王审核 提醒：2025 年度报告尚未提交，截止日期 2026-01-31。",
};

const reviewer = aUser({ role: "reviewer" });

describe("ChaseDialog", () => {
  it("previews whom and what before sending, then sends exactly that region and year", async () => {
    const fetch = stubFetch({
      "POST /api/chase/preview": json(PREVIEW),
      "POST /api/chase": json({ agencies: 23, recipients: 17 }),
    });
    renderWithSession(
      <ChaseDialog target={{ year: 2025, under: 99 }} onClose={() => {}} />,
      reviewer,
    );

    const dialog = await screen.findByRole("dialog", { name: "催报：2025 年度尚未提交的机构" });
    await within(dialog).findByText(/23 个机构尚未提交报告/);
    expect(dialog.textContent).toContain("将提醒其中 17 个机构的 17 位填报员");
    expect(dialog.textContent).toContain("4 个机构没有填报员账号，无人可提醒。");
    expect(dialog.textContent).toContain("2 个机构今天已催报过，不再重复发送。");
    expect(dialog.textContent).toContain("示范市教育局、示范市民政局 等，共 21 个未列出");
    expect(dialog.textContent).toContain(PREVIEW.title);
    expect(dialog.textContent).toContain(PREVIEW.body);

    fireEvent.click(within(dialog).getByRole("button", { name: "发送提醒（17 人）" }));
    expect((await within(dialog).findByRole("status")).textContent).toContain(
      "已提醒 23 个机构的 17 位填报员。",
    );
    const sent = fetch.mock.calls.find(
      ([url]) => new URL(String(url), "http://x").pathname === "/api/chase",
    );
    expect(JSON.parse(String(sent![1]!.body))).toEqual({ year: 2025, under: 99 });
    expect(new Headers(sent![1]!.headers).get("x-csrf-token")).toBe("csrf-abc");
    expect(within(dialog).queryByRole("button", { name: /发送提醒/ })).toBeNull();
  });

  it("reminds one agency by its id, and says why nothing can be sent", async () => {
    const fetch = stubFetch({
      "POST /api/chase/preview": json({
        ...PREVIEW,
        agencies: 1,
        recipients: 0,
        without_submitter: 1,
        chased_today: 0,
        names: ["示范县财政局"],
      }),
    });
    renderWithSession(
      <ChaseDialog
        target={{ year: 2025, under: 99, agency: { id: 7, name: "示范县财政局" } }}
        onClose={() => {}}
      />,
      reviewer,
    );
    const dialog = await screen.findByRole("dialog", { name: "催报：示范县财政局" });
    await within(dialog).findByText("1 个机构没有填报员账号，无人可提醒。");
    expect(dialog.textContent).toContain(
      "1 个机构尚未提交报告（未开始、草稿或已退回），但目前没有可提醒的填报员。",
    );
    expect(within(dialog).queryByRole("button", { name: /发送提醒/ })).toBeNull();
    expect(JSON.parse(String(fetch.mock.calls[0]![1]!.body))).toEqual({
      year: 2025,
      under: 99,
      agency_id: 7,
    });
  });

  it("shows the server's refusal in words, and keeps the dialog open", async () => {
    stubFetch({
      "POST /api/chase/preview": json(PREVIEW),
      "POST /api/chase": apiError(429, "rate_limited", "操作过于频繁，请 60 秒后再试"),
    });
    const onClose = vi.fn();
    renderWithSession(
      <ChaseDialog target={{ year: 2025, under: 99 }} onClose={onClose} />,
      reviewer,
    );
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(await within(dialog).findByRole("button", { name: "发送提醒（17 人）" }));
    expect((await within(dialog).findByRole("alert")).textContent).toContain(
      "操作过于频繁，请 60 秒后再试",
    );
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole("button", { name: "取消" }));
    expect(onClose).toHaveBeenCalled();
  });
});
