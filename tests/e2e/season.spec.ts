import { readFileSync } from "node:fs";
import { acceptInvite, expect, inviteSubmitter, signIn, test, type Page } from "./test";
import { DEMO_LOGINS } from "../../scripts/seed/demo-users";

/**
 * One reporting season as its users live it, every step reached by links and buttons from the
 * page before (no URL typed after signing in): the admin opens the year, the submitter starts the
 * report from the home page, imports the published text, fixes a typo, explains what remains and
 * submits; the reviewer reads the explanation and returns the report with a comment on a cell;
 * the submitter finds the comment on that cell, fixes it and submits again; the reviewer approves;
 * the dashboard, the region report and a public embed then show the report.
 */

const YEAR = 2025;
const fixtureText = readFileSync(
  new URL("../../../shared/fixtures/reports/00_luoyang_shi_bgs_2022.txt", import.meta.url),
  "utf8",
);
// Fixture 00's hand-checked figures: 予以公开 by 自然人, and the website visits of its text.
const GRANTED_NATURAL = '[data-figure="section3.granted.natural_person"]';

const isoDay = (daysFromNow: number) =>
  new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);

const saved = async (page: Page) =>
  expect(page.getByRole("status").filter({ hasText: /^已保存/ })).toBeVisible({
    timeout: 15_000,
  });

test("a season from opening the year to the public embed, with no URL typed", async ({
  browser,
  request,
}) => {
  test.setTimeout(300_000);
  // An agency of the demo province no other test writes to.
  const agencies = await (
    await request.get("/api/agencies?region=99&kind=department&level=county&limit=1&offset=2")
  ).json();
  const agency = agencies.items[0] as { id: number; name: string };

  // The admin opens 2025: its deadlines, a month away.
  const admin = await signIn(browser, DEMO_LOGINS.admin);
  await admin.getByRole("link", { name: "填报期限" }).click();
  await admin.getByLabel("报告年度").fill(String(YEAR));
  await admin.getByLabel("部门截止日期").fill(isoDay(30));
  await admin.getByLabel("政府截止日期").fill(isoDay(30));
  await admin.getByRole("button", { name: "保存", exact: true }).click();
  await expect(admin.getByText("已保存。")).toBeVisible();

  // It invites the agency's submitter, who follows the link (as from the e-mail).
  await admin.getByRole("link", { name: "用户" }).click();
  const inviteUrl = await inviteSubmitter(admin, agency, {
    email: `season-${Date.now()}@example.gov.cn`,
    name: "赵填报",
  });
  const submitter = await acceptInvite(browser, inviteUrl, "赵填报的新密码 2026");

  // The submitter's home page offers the year; one click starts the report.
  const season = submitter.getByRole("region", { name: `填报 ${YEAR} 年度报告` });
  await expect(season).toContainText("未开始");
  await expect(season).toContainText(new RegExp(`截止 ${isoDay(30)}，还有 3[01] 天`));
  await season.getByRole("link", { name: `开始填报 ${YEAR} 年度报告` }).click();
  await expect(submitter).toHaveURL(`/reports/${agency.id}/${YEAR}/edit`);
  const agencyId = agency.id;

  // It imports the text published for another agency and year, after being asked.
  await submitter.getByRole("button", { name: "从已发布的年报导入" }).click();
  const dialog = submitter.getByRole("dialog");
  await dialog.getByLabel("年报全文").fill(fixtureText);
  await dialog.getByRole("button", { name: "解析", exact: true }).click();
  await expect(dialog.getByRole("alert")).toContainText(
    `文本是 洛阳市人民政府办公室的 2022 年度报告，当前编辑的是 ${agency.name} ${YEAR} 年度报告。`,
  );
  await expect(dialog.getByRole("button", { name: "确认导入" })).toBeDisabled();
  await dialog
    .getByRole("checkbox", { name: `是，仍要导入到 ${agency.name} ${YEAR} 年度报告` })
    .check();
  await dialog.getByRole("button", { name: "确认导入" }).click();
  await expect(submitter.locator('[data-figure="section3.new_received.total"]')).toHaveValue("95");

  // A typo breaks table 三's row rule; the findings panel leads to the cell, and it is fixed.
  const cell = submitter.locator(GRANTED_NATURAL);
  const printed = await cell.inputValue();
  await cell.fill(String(Number(printed) + 1));
  const panel = submitter.getByRole("complementary", { name: "勾稽检查" });
  await expect(panel.getByRole("heading", { name: /^错误/ })).toBeVisible();
  await cell.fill(printed);
  await expect(panel.getByRole("heading", { name: /^错误/ })).toHaveCount(0);
  await saved(submitter);

  // Submitting: what still needs a word is explained.
  const submit = submitter.getByRole("form", { name: "提交审核" });
  const explanation = "上年结转按本机关办理台账核实后填报";
  await submit.getByRole("textbox").first().fill(explanation);
  await submit.getByRole("button", { name: "提交", exact: true }).click();
  await expect(submitter).toHaveURL(new RegExp(`/reports/${agencyId}/${YEAR}$`));

  // The reviewer finds it first in the queue, reads the explanation and returns it with a
  // comment on the cell.
  const reviewer = await signIn(browser, DEMO_LOGINS.reviewer);
  await reviewer.getByRole("link", { name: "审核", exact: true }).click();
  const queue = reviewer.getByRole("table").first();
  await queue.getByRole("row").nth(1).getByRole("link").click();
  await expect(reviewer).toHaveURL(new RegExp(`/reports/${agencyId}/${YEAR}$`));
  await expect(reviewer.getByText(explanation)).toBeVisible();
  await reviewer.getByLabel("退回意见").fill("请核对网站访问量");
  await reviewer.getByRole("button", { name: "添加批注" }).click();
  await reviewer.getByLabel("位置", { exact: true }).selectOption("metrics.website_visits");
  await reviewer.getByLabel("批注内容").fill("与网站统计不一致");
  await reviewer.getByRole("button", { name: "退回", exact: true }).click();
  await expect(reviewer.getByText("已退回修改。")).toBeVisible();

  // The submitter sees the message and the comment on the cell, fixes it and submits again.
  await submitter.getByRole("link", { name: "本机构年报" }).click();
  await expect(season).toContainText("已退回");
  await season.getByRole("link", { name: "继续填写" }).click();
  const notice = submitter.getByRole("region", { name: "报告已退回修改" });
  await expect(notice).toContainText("请核对网站访问量");
  await notice.getByRole("button", { name: /^定位到 网站访问量/ }).click();
  const visits = submitter.locator('[data-figure="metrics.website_visits"]');
  await expect(visits).toBeFocused();
  await expect(submitter.getByRole("note")).toHaveText("审核意见：与网站统计不一致");
  await visits.fill("5900000");
  await expect(notice).toContainText("✓ 已修改");
  await expect(submitter.getByRole("note")).toHaveCount(0);
  await saved(submitter);
  await submitter
    .getByRole("form", { name: "提交审核" })
    .getByRole("button", { name: "提交" })
    .click();
  await expect(submitter).toHaveURL(new RegExp(`/reports/${agencyId}/${YEAR}$`));

  // The reviewer approves.
  await reviewer.reload();
  await reviewer.getByRole("button", { name: "通过并发布" }).click();
  await reviewer.getByRole("button", { name: "确定通过" }).click();
  await expect(reviewer.getByText("已通过并发布。")).toBeVisible();

  // The dashboard opens on the open year and counts the report; the region report sums it.
  await reviewer.getByRole("link", { name: "数据看板" }).click();
  await expect(reviewer).toHaveURL(new RegExp(`year=${YEAR}`));
  const cards = reviewer.getByRole("list", { name: "报送情况" });
  const publishedCard = cards.getByRole("listitem").filter({ hasText: "已发布" });
  await expect(publishedCard).toContainText(/[1-9]/);
  const published = Number(
    (await publishedCard.locator(".stat-value").innerText()).replace(/,/g, ""),
  );

  await reviewer.getByRole("link", { name: "地区汇总报告" }).click();
  await expect(reviewer.getByText(`汇总 ${published} / `)).toBeVisible();

  // The public sees it in an embed chosen in the builder.
  await reviewer.getByRole("link", { name: "返回数据看板" }).click();
  await reviewer.getByRole("link", { name: "嵌入图表" }).click();
  await reviewer.getByLabel("机构：搜索机构名称").fill(agency.name);
  const embedAgency = reviewer.getByRole("combobox", { name: "机构", exact: true });
  await expect(embedAgency.locator("option", { hasText: agency.name })).toHaveCount(1);
  await embedAgency.selectOption({ label: agency.name });
  await reviewer.getByLabel("图表类型").selectOption({ label: "数字卡片" });
  const embed = reviewer.locator(`iframe[title*="${agency.name}"]`).first().contentFrame();
  await expect(embed.locator("body")).toContainText(String(YEAR));
  await expect(embed.locator("body")).toContainText(agency.name);
});
