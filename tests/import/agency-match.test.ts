import { describe, expect, it } from "vitest";
import { sameAgency } from "../../worker/import/agency-match";

describe("whether two names are one agency", () => {
  it.each([
    ["淮安市人民政府", "淮安市人民政府"],
    ["吉江市人民政府", "吉江市政府"],
    ["淮安市人民政府办公室", "淮安市政府办公室"],
    ["淮安市人民政府办公室", "淮安市政府办"],
    ["淮安市人民政府办公室", "淮安市人民政府办公厅"],
    ["上海市人民政府办公厅", "上海市政府办公厅"],
    ["上海市科委", "上海市科学技术委员会"],
    ["江苏省淮安市人民政府", "淮安市人民政府"],
    ["“洛阳市人民政府办公室”", "洛阳市人民政府办公室"],
    ["某某区某某街道", "某某区某某街道办事处"],
  ])("takes %j for %j", (a, b) => {
    expect(sameAgency(a, b)).toBe(true);
    expect(sameAgency(b, a)).toBe(true);
  });

  it.each([
    ["淮安市人民政府", "吉江市人民政府"],
    ["淮安市人民政府", "淮安市人民政府办公室"],
    ["淮安市人民政府", "淮安县人民政府"],
    ["洪泽区人民政府", "淮安市洪泽区人民政府办公室"],
    ["淮安市生态环境局", "盐城市生态环境局"],
    ["市生态环境局", "淮安市生态环境局局"],
    ["政府", "淮安市人民政府"],
    ["", "淮安市人民政府"],
  ])("tells %j from %j", (a, b) => {
    expect(sameAgency(a, b)).toBe(false);
    expect(sameAgency(b, a)).toBe(false);
  });

  it("takes a tail only when what precedes it names a region", () => {
    expect(sameAgency("江苏省淮安市生态环境局", "淮安市生态环境局")).toBe(true);
    expect(sameAgency("新淮安市生态环境局", "淮安市生态环境局")).toBe(false);
  });
});
