import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AuditPage } from "../../web/pages/audit-page";
import { aUser, json, renderWithSession, stubFetch } from "./builders";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, "", "/");
});

const entry = (overrides: Record<string, unknown>) => ({
  id: 1,
  at: "2026-03-01T02:00:00.000Z",
  actor_kind: "admin",
  actor_name: "王管理",
  action: "auth.login",
  target: "user:4",
  target_name: "王管理",
  address: "192.0.2.1",
  detail: null,
  ...overrides,
});

const LOG = {
  items: [
    entry({ id: 1 }),
    entry({
      id: 2,
      action: "report.return",
      actor_kind: "reviewer",
      target: "agency:60/year:2024",
      target_name: "示范市教育局",
      detail: { revision: 3, message: "表三总计有误" },
    }),
    entry({
      id: 3,
      action: "user.invite",
      target: "user:9",
      target_name: "李填报",
      detail: { email: "li@example.gov.cn", role: "submitter" },
    }),
    entry({
      id: 4,
      action: "deadline.update",
      target: "year:2025",
      target_name: null,
      detail: { department_deadline: "2026-01-31", government_deadline: "2026-03-31" },
    }),
    entry({ id: 5, action: "report.approve", actor_kind: "system", actor_name: "演示数据" }),
    entry({ id: 6, action: "season.open", target: "year:2025", target_name: null }),
  ],
  total: 6,
};

/** Internal codes the page must never print: actions, targets, roles, JSON keys. */
const CODES =
  /\b(auth|report|user|token|deadline|season)\.[a-z_]+|\b(user|agency|year|token):\d|submitter|reviewer|system|[a-z]+_[a-z_]+|[{}"]/;

describe("AuditPage", () => {
  it("says every event, actor, target and detail in words, never as a code", async () => {
    stubFetch({ "GET /api/audit": json(LOG) });
    renderWithSession(<AuditPage />, aUser({ role: "admin" }));

    const table = await screen.findByRole("table");
    const rows = within(table).getAllByRole("row").slice(1);
    const cells = (i: number) => [...rows[i]!.querySelectorAll("td")].map((td) => td.textContent);
    expect(cells(0).slice(1, 5)).toEqual(["王管理", "省级管理员", "登录", "王管理"]);
    expect(cells(1).slice(2, 5)).toEqual(["审核员", "退回修改", "示范市教育局 2024 年度报告"]);
    expect(cells(1)[6]).toBe("版本：3；意见：表三总计有误");
    expect(cells(2)[6]).toBe("邮箱：li@example.gov.cn；角色：机构填报员");
    expect(cells(3)[4]).toBe("2025 年度");
    expect(cells(3)[6]).toBe("部门截止日期：2026-01-31；政府截止日期：2026-03-31");
    expect(cells(4)[2]).toBe("系统（脚本写入）");
    expect(cells(5)[3]).toBe("其他操作");
    expect(table.textContent.replace(/li@example\.gov\.cn/g, "")).not.toMatch(CODES);
  });

  it("filters by an event chosen by name, asking the API for its code", async () => {
    const fetch = stubFetch({ "GET /api/audit": json(LOG) });
    renderWithSession(<AuditPage />, aUser({ role: "admin" }));
    await screen.findByRole("table");

    const select = screen.getByLabelText("操作");
    within(select).getByRole("option", { name: "报告（全部）" });
    fireEvent.change(select, { target: { value: "report.return" } });
    within(select).getByRole("option", { name: "退回修改", selected: true });
    await waitFor(() =>
      expect(fetch.mock.calls.some(([url]) => String(url).includes("action=report.return"))).toBe(
        true,
      ),
    );
  });
});
