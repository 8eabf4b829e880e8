import { describe, expect, it } from "vitest";
import { readMetrics, type MetricReading } from "../../worker/import/narrative-metrics";
import { joinNarrative } from "../../worker/import/narrative-text";
import { readSourceLines } from "../../worker/import/source-lines";

function metricsOf(text: string): Record<string, MetricReading> {
  const readings = readMetrics(joinNarrative(readSourceLines(text)), null);
  return Object.fromEntries(readings.map((r) => [r.key, r]));
}

describe("metrics read from the narrative", () => {
  it.each([
    ["全年门户网站总访问量达1.2亿次。", "website_visits", 120_000_000, false],
    ["区政府网站全年浏览量约35万次，", "website_visits", 350_000, true],
    ["在门户网站发布各类信息1.2万条，", "items_published_website", 12_000, false],
    ["政务微信公众号关注人数超过3万人。", "wechat_followers", 30_000, true],
    ["发布政策解读文章35篇，", "policy_interpretations", 35, false],
    ["全年发布42篇政策解读。", "policy_interpretations", 42, false],
    ["举办3场新闻发布会，", "press_conferences", 3, false],
    ["组织培训3期，培训人员约260人次。", "training_person_times", 260, true],
    ["收取信息处理费共计0.5万元。", "fee_collected_yuan", 5_000, false],
    ["本年度未收取任何信息处理费。", "fee_collected_yuan", 0, false],
  ])("%s → %s = %d", (text, key, value, approximate) => {
    const reading = metricsOf(text)[key];
    expect(reading?.value).toBe(value);
    expect(reading?.note.approximate ?? false).toBe(approximate);
    expect(reading?.note.as_printed).toBeTruthy();
    expect(reading?.line).toBe(1);
  });

  it("does not count 公文和政策解读 together as policy interpretations (fixture 24)", () => {
    expect(metricsOf("发布行政公文和政策解读信息9条；").policy_interpretations).toBeUndefined();
    expect(metricsOf("发布公文及解读信息9条；").policy_interpretations).toBeUndefined();
  });

  it("reads a figure wrapped over two lines of a PDF and cites the line its number is on", () => {
    const reading = metricsOf(
      "市政府网站主动公开各类政\n府信息 5500 余条。",
    ).items_published_website;
    expect(reading).toMatchObject({
      value: 5500,
      line: 2,
      note: { as_printed: "5500余条", approximate: true },
    });
  });

  it.each([
    ["微博粉丝突破770万，", "wechat_followers"],
    ["两条微信阅读量即达180万次，", "website_visits"],
    ["门户网站、微信、微博发布政府信息共有3343条。", "items_published_website"],
    ["主动公开各类政府信息共计3862条次。", "items_published_website"],
    ["发布市政府文件及解读信息82条。", "policy_interpretations"],
    ["发布重大行政决策宣传解读材料49项。", "policy_interpretations"],
    ["政策性文件多样化解读率达到100%。", "policy_interpretations"],
    ["行政事业性收费0元。", "fee_collected_yuan"],
    ["累计申请11-30件的部分：100元/件", "fee_collected_yuan"],
    ["视频号粉丝数54373。", "wechat_followers"],
  ])("does not mistake %s for %s", (text, key) => {
    expect(metricsOf(text)[key]).toBeUndefined();
  });
});
