import { describe, expect, it } from "vitest";
import { parseReportText } from "../../worker/import/parse-report";

function identity(text: string, yearHint?: number) {
  const result = parseReportText(
    `${text}\n一、总体情况\n我们做了很多工作。`,
    yearHint ? { yearHint } : {},
  );
  if (!result.ok) return { error: result.error.code };
  return { year: result.year, agency: result.agency, codes: result.warnings.map((w) => w.code) };
}

describe("year and agency", () => {
  it.each([
    ["某某县人民政府2023年政府信息公开工作年度报告", 2023, "某某县人民政府"],
    ["2023年度某某市生态环境局政府信息公开工作年度报告", 2023, "某某市生态环境局"],
    ["关于某某市人民政府办公室2022年度政府信息公开工作年度报告", 2022, "某某市人民政府办公室"],
    ["某某市教育局关于2021年政府信息公开工作年度报告的说明", 2021, "某某市教育局"],
    ["某某市教育局\n2023年度政府信息公开\n工作年度报告", 2023, "某某市教育局"],
    ["某某区司法局\n2024 年政府信息公开工作年度报告", 2024, "某某区司法局"],
    ["现公布某某市人民政府办公厅2023年政府信息公开工作年度报告。", 2023, "某某市人民政府办公厅"],
    ["某某区某某街道办事处2023年政府信息公开工作年度报告", 2023, "某某区某某街道办事处"],
    ["上海市人民政府2023年政府信息公开工作年度报告", 2023, "上海市人民政府"],
    // A site's metadata row, as a PDF of the page prints it.
    ["名称 洛阳市人民政府办公室2022年政府信息公开工作年度报告", 2022, "洛阳市人民政府办公室"],
  ])("reads %j", (title, year, agency) => {
    expect(identity(title)).toMatchObject({ year, agency });
  });

  it("takes the year from the 统计期限 sentence and the agency from the report's sentences", () => {
    expect(
      identity(
        "本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。如对本报告有疑问，请与某某县交通运输局联系。",
      ),
    ).toMatchObject({ year: 2022, agency: "某某县交通运输局" });
  });

  it("uses the year hint only when the text states no year, and says so", () => {
    expect(identity("某某县人民政府政府信息公开工作年度报告", 2020)).toMatchObject({
      year: 2020,
      codes: expect.arrayContaining(["year_from_hint"]),
    });
    expect(identity("某某县人民政府政府信息公开工作年度报告")).toEqual({ error: "year_not_found" });
    expect(identity("某某县人民政府2023年政府信息公开工作年度报告", 2022)).toMatchObject({
      year: 2023,
      codes: expect.arrayContaining(["year_hint_mismatch"]),
    });
  });

  it("names a street office by its office, from the title or from a sentence", () => {
    expect(identity("某某街道2024年政府信息公开工作年度报告")).toMatchObject({
      year: 2024,
      agency: "某某街道办事处",
      codes: expect.arrayContaining(["agency_short_form"]),
    });
    expect(
      identity(
        "本报告统计期限自2022年1月1日起至2022年12月31日止。2022年，某某街道办事处坚持公开为常态。",
      ),
    ).toMatchObject({ year: 2022, agency: "某某街道办事处" });
  });

  it("expands a common short form of a department's name and says so", () => {
    expect(identity("2024年某某市发改委政府信息公开工作年度报告")).toMatchObject({
      agency: "某某市发展和改革委员会",
      codes: expect.arrayContaining(["agency_short_form"]),
    });
  });

  it("finds the year in body sentences when neither title nor 统计期限 states it", () => {
    // A page opening: the title is on the site's page, not in the copied text.
    expect(identity("现将2023年度政府信息公开工作报告公布如下。")).toMatchObject({ year: 2023 });
    expect(
      identity(
        "2023年，我镇坚持以人民为中心。\n2023年，镇政府网站发布信息120条。\n2022年，曾有整改。",
      ),
    ).toMatchObject({ year: 2023 });
    // Openings that tie name no year.
    expect(identity("2023年，我镇开展工作。\n2022年，我镇开展工作。")).toEqual({
      error: "year_not_found",
    });
  });

  it("takes a year from the file name after the text and the hint, and says so", () => {
    const named = (text: string, fileName: string, yearHint?: number) => {
      const result = parseReportText(`${text}\n一、总体情况\n我们做了很多工作。`, {
        fileName,
        yearHint,
      });
      return result.ok
        ? { year: result.year, codes: result.warnings.map((w) => w.code) }
        : result.error.code;
    };
    expect(named("某某县人民政府政府信息公开工作年度报告", "archive/2021/某某县_2021.txt")).toEqual(
      {
        year: 2021,
        codes: expect.arrayContaining(["year_from_file_name"]),
      },
    );
    expect(named("某某县人民政府政府信息公开工作年度报告", "某某县_2021.txt", 2020)).toMatchObject({
      year: 2020,
    });
    // The text's own year wins over the file's name, with a warning naming both.
    const conflict = parseReportText("某某县人民政府2023年政府信息公开工作年度报告\n一、总体情况", {
      fileName: "某某县2022年报.html",
    });
    expect(conflict.ok && conflict.year).toBe(2023);
    const warning = conflict.ok ? conflict.warnings.find((w) => w.code === "year_conflict") : null;
    expect(warning?.message).toContain("2022");
    expect(warning?.message).toContain("2023");
  });

  it("uses the agency hint only when the text names none, and warns when they differ", () => {
    const hinted = (text: string) => {
      const result = parseReportText(`${text}\n一、总体情况`, { agencyHint: "某某县水利局" });
      return result.ok
        ? { agency: result.agency, codes: result.warnings.map((w) => w.code) }
        : null;
    };
    expect(hinted("2023年政府信息公开工作年度报告")).toEqual({
      agency: "某某县水利局",
      codes: expect.arrayContaining(["agency_from_hint"]),
    });
    expect(hinted("某某县交通运输局2023年政府信息公开工作年度报告")).toEqual({
      agency: "某某县交通运输局",
      codes: expect.arrayContaining(["agency_hint_mismatch"]),
    });
  });
});
