import { cleanup, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { FindingsList } from "../../web/components/findings-list";
import { I18nProvider } from "../../web/i18n";

afterEach(cleanup);

const r2 = {
  rule: "R2",
  severity: "error" as const,
  message: "表三 “总计”列：一+二=36，三(七)+四=35，相差1",
  message_en: 'Table 3, column "total": 1+2 = 36 but 3(7)+4 = 35 (difference 1)',
};

describe("FindingsList", () => {
  it("lists each finding in Chinese by default, marked by severity", () => {
    window.localStorage.clear();
    render(
      <I18nProvider>
        <FindingsList findings={[r2]} />
      </I18nProvider>,
    );
    const item = screen.getByRole("listitem");
    expect(item.textContent).toContain("一+二=36");
    expect(item.className).toContain("finding-error");
  });

  it("speaks English when the reader chose it", async () => {
    window.localStorage.setItem("nianbao.locale", "en");
    render(
      <I18nProvider>
        <FindingsList findings={[r2]} />
      </I18nProvider>,
    );
    // English loads on demand: the first paint is Chinese.
    await waitFor(() => expect(screen.getByRole("listitem").textContent).toContain("1+2 = 36"));
  });

  it("shows the agency's explanation under the finding it explains, and no rule id", () => {
    window.localStorage.clear();
    const warning = {
      rule: "S-carry-over",
      severity: "warning" as const,
      table: "三",
      row: "carried_over",
      column: "total",
      message: "上年结转与上年报告不一致",
      message_en: "Carried over differs from last year's report",
    };
    render(
      <I18nProvider>
        <FindingsList
          findings={[r2, warning]}
          explanations={[
            { rule: "R2", text: "两件申请合并办理" },
            {
              rule: "S-carry-over",
              table: "三",
              row: "carried_over",
              column: "total",
              text: "上年报告有误",
            },
          ]}
        />
      </I18nProvider>,
    );
    const [first, second] = screen.getAllByRole("listitem");
    expect(first!.textContent).toContain("错误");
    expect(first!.textContent).toContain("填报单位说明：两件申请合并办理");
    expect(second!.textContent).toContain("提示");
    expect(second!.textContent).toContain("填报单位说明：上年报告有误");
    expect(screen.queryByText(/R2|S-carry-over/)).toBeNull();
  });

  it("says so when there is nothing to report", () => {
    window.localStorage.clear();
    render(
      <I18nProvider>
        <FindingsList findings={[]} />
      </I18nProvider>,
    );
    expect(screen.getByText(/未发现问题/)).toBeTruthy();
  });
});
