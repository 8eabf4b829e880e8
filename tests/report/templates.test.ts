import { describe, expect, it } from "vitest";
import { section2_2019Schema, section2_2021Schema } from "../../worker/report/document";
import {
  OUTCOME_FAMILIES,
  OUTCOME_ROW_KEYS,
  SECTION2_2019_ROWS,
  SECTION2_2021_ROWS,
  SECTION3_COLUMNS,
  SECTION3_ROWS,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
  section3Row,
  section3RowFullLabel,
  section3RowKeys,
  section4GroupFullLabel,
  type Section2RowDef,
} from "../../worker/report/templates";

describe("table 三 template", () => {
  it("has the seven columns in printed order, the middle five under 法人或其他组织", () => {
    expect(SECTION3_COLUMNS.map((c) => [c.key, c.label, "group" in c ? c.group : null])).toEqual([
      ["natural_person", "自然人", null],
      ["commercial_enterprise", "商业企业", "法人或其他组织"],
      ["research_institution", "科研机构", "法人或其他组织"],
      ["social_welfare_organization", "社会公益组织", "法人或其他组织"],
      ["legal_service_agency", "法律服务机构", "法人或其他组织"],
      ["other", "其他", "法人或其他组织"],
      ["total", "总计", null],
    ]);
  });

  it("has 25 rows in the split layout and 23 in the single layout", () => {
    expect(section3RowKeys("split")).toHaveLength(25);
    expect(section3RowKeys("single")).toHaveLength(23);
    expect(section3RowKeys("split")).not.toContain("other_processing");
    expect(section3RowKeys("single")).not.toContain("other_other");
    expect(section3RowKeys("single").at(-3)).toBe("other_processing");
  });

  it("sums 21 outcome rows in the split layout and 19 in the single layout", () => {
    expect(OUTCOME_ROW_KEYS("split")).toHaveLength(21);
    expect(OUTCOME_ROW_KEYS("single")).toHaveLength(19);
    expect(OUTCOME_ROW_KEYS("split")[0]).toBe("granted");
    expect(OUTCOME_ROW_KEYS("split")).not.toContain("total_processed");
  });

  it("gives every outcome row one of the six outcome families", () => {
    const families = new Set(OUTCOME_ROW_KEYS("split").map((k) => section3Row(k).family));
    expect([...families]).toEqual([...OUTCOME_FAMILIES]);
  });

  it("labels rows exactly as printed, with their heading", () => {
    expect(section3Row("partially_granted").label).toBe(
      "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    );
    expect(section3RowFullLabel("granted").label).toBe("三、本年度办理结果 （一）予以公开");
    expect(section3RowFullLabel("denied_state_secret").label).toBe("（三）不予公开 1.属于国家秘密");
    expect(section3RowFullLabel("other_no_fee_payment").label).toBe(
      "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    );
    expect(section3Row("denied_state_secret").group?.parent?.label).toBe("三、本年度办理结果");
    expect(section3Row("carried_forward").label).toBe("四、结转下年度继续办理");
  });

  it("marks only the （六） rows with a layout", () => {
    const marked = SECTION3_ROWS.filter((r) => "variant" in r).map((r) => [r.key, r.variant]);
    expect(marked).toEqual([
      ["other_no_correction", "split"],
      ["other_no_fee_payment", "split"],
      ["other_other", "split"],
      ["other_processing", "single"],
    ]);
  });
});

describe("table 四 template", () => {
  it("has three groups of five columns, litigation under 行政诉讼", () => {
    expect(SECTION4_GROUPS.map((g) => g.key)).toEqual([
      "reconsideration",
      "litigation_direct",
      "litigation_after_reconsideration",
    ]);
    expect(SECTION4_COLUMNS.map((c) => c.label)).toEqual([
      "结果维持",
      "结果纠正",
      "其他结果",
      "尚未审结",
      "总计",
    ]);
    expect(section4GroupFullLabel("litigation_direct").label).toBe("行政诉讼 未经复议直接起诉");
  });
});

describe("table 二 templates", () => {
  const shapeOf = (rows: readonly Section2RowDef[]) =>
    Object.fromEntries(
      rows.map((r) => [r.key, r.shape === "scalar" ? "scalar" : r.columns.map((c) => c.key)]),
    );

  it("matches the 2021 schema's keys", () => {
    const shape = section2_2021Schema.shape;
    expect(Object.keys(shapeOf(SECTION2_2021_ROWS))).toEqual(Object.keys(shape));
    expect(shapeOf(SECTION2_2021_ROWS).regulations).toEqual(Object.keys(shape.regulations.shape));
  });

  it("matches the 2019 schema's keys", () => {
    const shape = section2_2019Schema.shape;
    const template = shapeOf(SECTION2_2019_ROWS);
    expect(Object.keys(template)).toEqual(Object.keys(shape));
    for (const [key, columns] of Object.entries(template)) {
      expect(columns).toEqual(Object.keys(shape[key as keyof typeof shape].shape));
    }
  });

  it("prints the 2021 column labels and the Art. 20 items", () => {
    const regulations = SECTION2_2021_ROWS[0];
    expect(regulations.columns.map((c) => c.label)).toEqual([
      "本年制发件数",
      "本年废止件数",
      "现行有效件数",
    ]);
    expect(SECTION2_2021_ROWS.map((r) => r.item)).toEqual([
      "第（一）项",
      "第（一）项",
      "第（五）项",
      "第（六）项",
      "第（六）项",
      "第（八）项",
    ]);
    const fees = SECTION2_2021_ROWS[5];
    expect([fees.column.label, fees.column.kind]).toEqual(["本年收费金额（单位：万元）", "amount"]);
  });

  it("prints the 2019 trial-format column labels", () => {
    const labels = Object.fromEntries(
      SECTION2_2019_ROWS.map((r) => [r.key, r.columns.map((c) => c.label)]),
    );
    expect(labels.regulations).toEqual(["本年新制作数量", "本年新公开数量", "对外公开总数量"]);
    expect(labels.licensing).toEqual(["上一年项目数量", "本年增/减", "处理决定数量"]);
    expect(labels.fees).toEqual(["上一年项目数量", "本年增/减"]);
    expect(labels.centralized_procurement).toEqual(["采购项目数量", "采购总金额"]);
  });
});
