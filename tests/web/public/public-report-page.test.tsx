import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PublicReportPage } from "../../../web/pages/public-report-page";
import { apiError, json, renderWithSession, stubFetch } from "../builders";
import { aPublicReport, someCorrections } from "./builders";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("PublicReportPage", () => {
  it("prints the published report in the official layout for a visitor without a session", async () => {
    stubFetch({
      "GET /api/public/agencies/7/reports/2023": json(aPublicReport()),
      "GET /api/public/agencies/7/reports/2023/corrections": json(someCorrections()),
    });
    renderWithSession(<PublicReportPage agencyId={7} year={2023} />, null);

    await screen.findByRole("heading", {
      name: "示例市人民政府办公室2023年政府信息公开工作年度报告",
    });
    const t3 = within(screen.getByRole("table", { name: "三、收到和处理政府信息公开申请情况" }));
    const granted = t3.getByText("（一）予以公开").closest("tr")!;
    expect([...granted.querySelectorAll("td")].map((td) => td.textContent)).toEqual([
      "40",
      "3",
      "0",
      "0",
      "1",
      "0",
      "44",
    ]);
    screen.getByRole("table", { name: "二、主动公开政府信息情况" });
  });

  it("says how often the report was corrected and logs each correction with its reason and cells", async () => {
    stubFetch({
      "GET /api/public/agencies/7/reports/2023": json(aPublicReport({ corrections: 1 })),
      "GET /api/public/agencies/7/reports/2023/corrections": json(someCorrections()),
    });
    renderWithSession(<PublicReportPage agencyId={7} year={2023} />, null);

    expect((await screen.findByRole("link", { name: "更正 1 次" })).getAttribute("href")).toBe(
      "#pr-corrections",
    );
    const log = screen.getByRole("region", { name: "更正记录" });
    within(log).getByText("表三自然人列录入错误");
    const change = within(log).getByRole("row", { name: /予以公开/ });
    expect([...change.querySelectorAll("td")].map((td) => td.textContent)).toEqual(["41", "40"]);
    expect(within(log).getByText(/2024/).closest("time")?.getAttribute("datetime")).toBe(
      "2024-03-02T08:00:00Z",
    );
  });

  it("offers the figures as CSV and JSON", async () => {
    stubFetch({
      "GET /api/public/agencies/7/reports/2023": json(aPublicReport({ corrections: 0 })),
      "GET /api/public/agencies/7/reports/2023/corrections": json({
        ...someCorrections(),
        items: [],
      }),
    });
    renderWithSession(<PublicReportPage agencyId={7} year={2023} />, null);

    expect((await screen.findByRole("link", { name: "CSV" })).getAttribute("href")).toBe(
      "/api/public/agencies/7/reports/2023?format=csv",
    );
    expect(screen.getByRole("link", { name: "JSON" }).getAttribute("href")).toBe(
      "/api/public/agencies/7/reports/2023",
    );
    screen.getByText("未更正");
    screen.getByText("发布后未作更正");
  });

  it("shows each failing check with the agency's explanation beside it, in words", async () => {
    stubFetch({
      "GET /api/public/agencies/7/reports/2023": json(
        aPublicReport({
          findings: [
            {
              rule: "R4",
              severity: "error",
              table: "四",
              row: "reconsideration",
              column: null,
              expected: 4,
              actual: 9,
              message: "表四 行政复议：各项之和为4，总计为9",
              message_en: "Table 4, reconsideration: the parts add up to 4, the total is 9",
            },
          ],
          explanations: [{ rule: "R4", table: "四", text: "总计含上年结转案件，按原表公布" }],
        }),
      ),
      "GET /api/public/agencies/7/reports/2023/corrections": json(someCorrections()),
    });
    renderWithSession(<PublicReportPage agencyId={7} year={2023} />, null);

    const checks = await screen.findByRole("region", { name: "勾稽检查" });
    const finding = within(checks).getByRole("listitem");
    expect(finding.textContent).toContain("各项之和为4，总计为9");
    expect(finding.textContent).toContain("填报单位说明：总计含上年结转案件，按原表公布");
    expect(finding.textContent).not.toContain("R4");
  });

  it("says a published report passed every check", async () => {
    stubFetch({
      "GET /api/public/agencies/7/reports/2023": json(aPublicReport()),
      "GET /api/public/agencies/7/reports/2023/corrections": json(someCorrections()),
    });
    renderWithSession(<PublicReportPage agencyId={7} year={2023} />, null);

    const checks = await screen.findByRole("region", { name: "勾稽检查" });
    within(checks).getByText(/未发现问题/);
  });

  it("tells the visitor when the year has no published report", async () => {
    stubFetch({
      "GET /api/public/agencies/7/reports/2023": apiError(
        404,
        "not_found",
        "未找到 2023 年度已公开的报告",
      ),
    });
    renderWithSession(<PublicReportPage agencyId={7} year={2023} />, null);

    expect((await screen.findByRole("alert")).textContent).toContain(
      "未找到 2023 年度已公开的报告",
    );
  });
});
