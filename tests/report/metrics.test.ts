import { describe, expect, it } from "vitest";
import { METRICS, isMetricKey } from "../../worker/report/metrics";

describe("METRICS", () => {
  it("registers the seven metrics of the format with a unit and a definition in both languages", () => {
    expect(METRICS.map((m) => [m.key, m.unit])).toEqual([
      ["website_visits", "次"],
      ["items_published_website", "条"],
      ["wechat_followers", "人"],
      ["policy_interpretations", "篇"],
      ["press_conferences", "场"],
      ["training_person_times", "人次"],
      ["fee_collected_yuan", "元"],
    ]);
    for (const m of METRICS) {
      expect(
        [m.label, m.labelEn, m.unitEn, m.definition, m.definitionEn].every((s) => s.length > 0),
      ).toBe(true);
    }
  });

  it("recognises only registered keys", () => {
    expect(isMetricKey("wechat_followers")).toBe(true);
    expect(isMetricKey("page_views")).toBe(false);
  });
});
