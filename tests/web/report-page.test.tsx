import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ReportDetail } from "../../web/lib/api-types";
import { ReportPage } from "../../web/pages/report-page";
import { aReportDetail, apiError, aUser, json, renderWithSession, stubFetch } from "./builders";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const BASE = "/api/agencies/7/reports/2024";

function stubReport(detail: ReportDetail, extra = {}) {
  return stubFetch({
    [`GET ${BASE}`]: json(detail),
    "GET /api/agencies/7": json({ id: 7, name: "示范市教育局", level: "city", kind: "department" }),
    [`GET ${BASE}/reviews`]: json({ items: [] }),
    [`GET ${BASE}/corrections`]: json({ items: [] }),
    ...extra,
  });
}

async function renderReport(user: ReturnType<typeof aUser> | null) {
  renderWithSession(<ReportPage agencyId={7} year={2024} />, user);
  await screen.findByRole("heading", { name: /示范市教育局/ });
}

describe("ReportPage", () => {
  it("opens a year without a report on the step that starts it, not on errors", async () => {
    const missing = () => apiError(404, "not_found", "2024 年度报告不存在");
    stubReport(aReportDetail(), {
      [`GET ${BASE}`]: missing,
      [`GET ${BASE}/reviews`]: missing,
      [`GET ${BASE}/corrections`]: missing,
    });
    await renderReport(aUser({ role: "submitter", agency_id: 7, region_agency_id: null }));
    const start = screen.getByRole("link", { name: "开始填报 2024 年度报告" });
    expect(start.getAttribute("href")).toBe("/reports/7/2024/edit");
    expect(screen.getByText("该年度尚无报告")).toBeTruthy();
    expect(screen.queryByText(/加载失败/)).toBeNull();
    expect(screen.queryByText("更正记录")).toBeNull();
    cleanup();
    await renderReport(aUser({ role: "reviewer" }));
    expect(screen.queryByRole("link", { name: /开始填报/ })).toBeNull();
    expect(screen.queryByText(/加载失败/)).toBeNull();
  });

  it("leaves out the review trail of a report the reader may not review", async () => {
    stubReport(aReportDetail({ status: "approved" }), {
      [`GET ${BASE}/reviews`]: () => apiError(403, "outside_scope", "该机构不在您的权限范围内"),
    });
    await renderReport(aUser({ role: "reviewer" }));
    expect(await screen.findByText("更正记录")).toBeTruthy();
    expect(screen.queryByText("审核记录")).toBeNull();
    expect(screen.queryByText(/加载失败/)).toBeNull();
  });

  it("shows an unpublished report's empty correction log without asking for one", async () => {
    const fetch = stubReport(aReportDetail({ status: "submitted" }), {
      [`GET ${BASE}/corrections`]: () => apiError(404, "not_found", "尚未公开"),
    });
    await renderReport(aUser({ role: "reviewer" }));
    expect(await screen.findByText("更正记录")).toBeTruthy();
    expect(screen.getByText("报告尚未发布；发布后的更正将记录在这里。")).toBeTruthy();
    expect(screen.queryByText(/加载失败/)).toBeNull();
    expect(fetch.mock.calls.some(([url]) => String(url).endsWith("/corrections"))).toBe(false);
  });

  it("offers a reviewer approve and return on a submitted report", async () => {
    stubReport(aReportDetail({ status: "submitted" }));
    await renderReport(aUser({ role: "reviewer" }));
    expect(screen.getByRole("button", { name: "通过并发布" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "退回" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "提交" })).toBeNull();
  });

  it("offers the agency's submitter no review buttons, only submitting a returned report", async () => {
    stubReport(aReportDetail({ status: "returned" }));
    await renderReport(aUser({ role: "submitter", agency_id: 7, region_agency_id: null }));
    expect(screen.queryByRole("button", { name: "通过并发布" })).toBeNull();
    expect(screen.queryByRole("button", { name: "退回" })).toBeNull();
    expect(screen.getByRole("button", { name: "提交" })).toBeTruthy();
  });

  it("offers a submitted report's submitter nothing to do, and the public no workflow at all", async () => {
    stubReport(aReportDetail({ status: "submitted" }));
    await renderReport(aUser({ role: "submitter", agency_id: 7, region_agency_id: null }));
    expect(screen.queryByRole("button", { name: /通过|退回|提交/ })).toBeNull();
    cleanup();
    await renderReport(null);
    expect(screen.queryByRole("button", { name: /通过|退回|提交/ })).toBeNull();
    expect(screen.queryByText("审核记录")).toBeNull();
  });

  it("returns a report with a comment on the figure a finding names", async () => {
    const fetch = stubReport(aReportDetail({ status: "submitted", revision: 3 }), {
      [`POST ${BASE}/return`]: json({ report: { status: "returned" } }),
    });
    await renderReport(aUser({ role: "reviewer" }));
    fireEvent.change(screen.getByLabelText("退回意见"), { target: { value: "请核对表三" } });
    fireEvent.click(screen.getByRole("button", { name: "添加批注" }));
    const row = screen.getByRole("group", { name: "批注 1" });
    fireEvent.change(within(row).getByLabelText("位置"), {
      target: { value: "section3.granted.total" },
    });
    expect(within(row).getByText(/各申请人列合计=12，总计=13/)).toBeTruthy();
    fireEvent.change(within(row).getByLabelText("批注内容"), { target: { value: "总计有误" } });
    fireEvent.click(screen.getByRole("button", { name: "退回" }));

    await vi.waitFor(() => expect(screen.getByText("已退回修改。")).toBeTruthy());
    const [, init] = fetch.mock.calls.find(([, i]) => i?.method === "POST")!;
    expect(new Headers(init?.headers).get("X-CSRF-Token")).toBe("csrf-abc");
    expect(JSON.parse(String(init?.body))).toEqual({
      revision: 3,
      message: "请核对表三",
      comments: [{ path: "section3.granted.total", text: "总计有误" }],
    });
  });

  it("refuses to return a report without a message", async () => {
    const fetch = stubReport(aReportDetail({ status: "submitted" }));
    await renderReport(aUser({ role: "reviewer" }));
    fireEvent.click(screen.getByRole("button", { name: "退回" }));
    const message = screen.getByLabelText("退回意见");
    expect(message.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("请填写退回意见")).toBeTruthy();
    expect(fetch.mock.calls.some(([, i]) => i?.method === "POST")).toBe(false);
  });
});
