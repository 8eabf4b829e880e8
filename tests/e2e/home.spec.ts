import { expect, test } from "./test";

test.describe("the first page", () => {
  test("lists agencies in Chinese and shows a report's figures and findings", async ({
    page,
    request,
  }) => {
    const response = await page.goto("/");
    expect(response!.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(response!.headers()["x-content-type-options"]).toBe("nosniff");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("年报");
    await expect(page.getByText(/^共 \d+ 条$/)).toBeVisible();

    await page.getByRole("button", { name: /洛阳市人民政府办公室/ }).click();
    await expect(page).toHaveURL(/agency=\d+/);
    const card = page
      .getByRole("article")
      .filter({ has: page.getByRole("heading", { name: "2022" }) });
    await expect(card).toBeVisible();
    await expect(card.getByText("未发现问题")).toBeVisible();

    const agencyId = new URL(page.url()).searchParams.get("agency");
    const api = await (await request.get(`/api/agencies/${agencyId}/reports/2022`)).json();
    await expect(card.getByText("本年新收申请").locator("..")).toContainText(
      String(api.document.section3.rows.new_received[6]),
    );
  });

  test("shows the finding of the report that lost a cell, as an error in words", async ({
    page,
  }) => {
    await page.goto("/");
    await page.getByRole("searchbox").fill("科学技术委员会");
    await page.getByRole("button", { name: /上海市科学技术委员会/ }).click();
    const findings = page.getByRole("list", { name: "勾稽检查" });
    await expect(findings.getByText("错误", { exact: true })).toBeVisible();
    await expect(findings).toContainText("“总计”列");
  });

  test("switches to English and keeps the choice in the link", async ({ page }) => {
    await page.goto("/?lang=en");
    await expect(page.getByText(/^Total \d+/)).toBeVisible();
    await page.getByRole("button", { name: "中文" }).click();
    await expect(page.getByText(/^共 \d+ 条$/)).toBeVisible();
  });
});
