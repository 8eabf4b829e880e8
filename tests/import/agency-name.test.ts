import { describe, expect, it } from "vitest";
import {
  expandShortForm,
  guessNewAgency,
  type ParentAgency,
} from "../../worker/import/agency-name";

const HENAN: ParentAgency = { level: "province", regionCode: "410000" };
const LUOYANG: ParentAgency = { level: "city", regionCode: "410300" };
const LAOCHENG: ParentAgency = { level: "county", regionCode: "410302" };

describe("guessNewAgency", () => {
  it.each([
    ["某某街道办事处", LAOCHENG, "township"],
    ["老城区某某街道办事处", LAOCHENG, "township"],
    ["某某街道人民政府", LAOCHENG, "township"],
    ["某某镇人民政府", LAOCHENG, "township"],
    ["某某乡人民政府", LAOCHENG, "township"],
    ["洛阳市老城区人民政府", LUOYANG, "county"],
    ["某某县人民政府", LUOYANG, "county"],
    ["某某自治县人民政府", LUOYANG, "county"],
    ["某某市人民政府", LUOYANG, "county"],
    ["某某市人民政府", HENAN, "city"],
    ["恩施土家族苗族自治州人民政府", HENAN, "city"],
    ["某某地区行政公署", HENAN, "city"],
    ["河南省人民政府", HENAN, "province"],
    ["西藏自治区人民政府", HENAN, "province"],
    ["上海市人民政府", HENAN, "province"],
    ["北京市人民政府", LUOYANG, "province"],
    ["重庆市万州区人民政府", HENAN, "county"],
  ] as const)(
    "reads %s (under a %s) as a %s government reporting for its region",
    (name, parent, level) => {
      expect(guessNewAgency(name, parent)).toMatchObject({
        level,
        kind: "government",
        scope: "region",
      });
    },
  );

  it("reads other names as departments of the parent's level, reporting for themselves", () => {
    expect(guessNewAgency("洛阳市人民政府办公室", LUOYANG)).toEqual({
      level: "city",
      kind: "department",
      scope: "self",
      regionCode: "410300",
    });
    expect(guessNewAgency("老城区教育局", LAOCHENG)).toEqual({
      level: "county",
      kind: "department",
      scope: "self",
      regionCode: "410302",
    });
  });

  it("makes a municipality's own departments provincial, its districts' departments not", () => {
    const shanghai: ParentAgency = { level: "province", regionCode: "310000" };
    const pudong: ParentAgency = { level: "county", regionCode: "310115" };
    for (const name of [
      "上海市人民政府办公厅",
      "上海市科学技术委员会",
      "上海市住房和城乡建设管理委员会",
    ]) {
      expect(guessNewAgency(name, shanghai), name).toEqual({
        level: "province",
        kind: "department",
        scope: "self",
        regionCode: "310000",
      });
    }
    expect(guessNewAgency("上海市浦东新区教育局", pudong)).toMatchObject({
      level: "county",
      kind: "department",
      regionCode: "310115",
    });
  });

  it("gives a township its county's code and a province its own", () => {
    expect(guessNewAgency("某某街道办事处", LAOCHENG).regionCode).toBe("410302");
    expect(guessNewAgency("上海市人民政府", HENAN).regionCode).toBe("310000");
    expect(guessNewAgency("新疆维吾尔自治区人民政府", LUOYANG).regionCode).toBe("650000");
  });

  it("never gives a new county or city its parent's code: the digits it shares, then 9s", () => {
    expect(guessNewAgency("某某县人民政府", LUOYANG).regionCode).toBe("410399");
    expect(guessNewAgency("某某市人民政府", HENAN).regionCode).toBe("419999");
    expect(guessNewAgency("某某市人民政府", LUOYANG).regionCode).toBe("410399");
    // Under a county that is itself a placeholder, the next free placeholder.
    const placeholder: ParentAgency = { level: "county", regionCode: "410399" };
    expect(guessNewAgency("某某区人民政府", placeholder).regionCode).toBe("410398");
    expect(guessNewAgency("示范省人民政府", LUOYANG).regionCode).toBe("999999");
    for (const parent of [HENAN, LUOYANG, LAOCHENG]) {
      for (const name of ["某某县人民政府", "某某市人民政府", "某某区人民政府"]) {
        const { regionCode } = guessNewAgency(name, parent);
        expect(regionCode).toMatch(/^\d{6}$/);
        expect(regionCode).not.toBe(parent.regionCode);
      }
    }
  });
});

describe("expandShortForm", () => {
  it("completes a street office's name printed without 办事处", () => {
    expect(expandShortForm("某某街道")).toBe("某某街道办事处");
    expect(expandShortForm("某某区某某街道办")).toBe("某某区某某街道办事处");
    expect(expandShortForm("某某街道办事处")).toBeNull();
    expect(expandShortForm("某某市科委")).toBe("某某市科学技术委员会");
  });
});
