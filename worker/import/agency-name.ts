/**
 * Cleaning an agency name taken from a title or a sentence, expanding the common short forms
 * of department names (上海市科委 → 上海市科学技术委员会), and guessing what a new agency is from
 * its name (import creates the agencies it does not find).
 */

import type { AgencyKind, AgencyLevel, AgencyScope } from "../db/schema";
import { MUNICIPALITIES, REAL_PROVINCES } from "../report/provinces";

/** Words before a name: the sentence announcing the report, or a site's metadata label (名称). */
const LEADING =
  /^.*?(?:现予公布|现公布|特发布|现将|印发)|^关于|^(?:名称|标题|文件名称|信息名称)[:：]?/;
const TRAILING = /(?:关于|的|之)$/;
const QUOTES = /[“”"《》〈〉<>「」『』]/g;
/** A name must end like an agency. */
const AGENCY_END =
  /(?:人民政府|政府|办公厅|办公室|委员会|管委会|局|厅|委|办|署|院|中心|办事处|街道|镇|乡|所|站|会|队|部)$/;
/** Not a name: a pronoun or a bare level (我局, 本机关, 市政府). */
const NOT_A_NAME = /^(?:我|本|该|全|各|市|区|县|省|镇|乡|街道)/;

const SHORT_FORMS: readonly [string, string][] = [
  ["科委", "科学技术委员会"],
  ["发改委", "发展和改革委员会"],
  ["经信委", "经济和信息化委员会"],
  ["卫健委", "卫生健康委员会"],
  ["住建委", "住房和城乡建设委员会"],
  ["教委", "教育委员会"],
  ["民宗委", "民族宗教事务委员会"],
  ["国资委", "国有资产监督管理委员会"],
  ["网信办", "网络安全和信息化委员会办公室"],
  ["侨办", "人民政府侨务办公室"],
  ["发改局", "发展和改革局"],
  ["卫健局", "卫生健康局"],
  ["住建局", "住房和城乡建设局"],
  ["人社局", "人力资源和社会保障局"],
  ["市场监管局", "市场监督管理局"],
  ["工信局", "工业和信息化局"],
];

/** 上海市科学技术委员会 → [上海市科委]: the common short forms of a full name (none for most). */
export function shortFormsOf(name: string): string[] {
  return SHORT_FORMS.filter(([, full]) => name.endsWith(full) && name.length > full.length).map(
    ([short, full]) => name.slice(0, -full.length) + short,
  );
}

/** The name as a title or sentence prints it, trimmed of the words around it; null if none. */
export function cleanAgencyName(raw: string): string | null {
  let name = raw.replace(QUOTES, "").replace(/\s+/g, "");
  name = name.replace(LEADING, "");
  name = name.replace(TRAILING, "");
  name = name.replace(/^[(（][^)）]*[)）]/, "");
  if (name.length < 3 || name.length > 40) return null;
  if (NOT_A_NAME.test(name) || !AGENCY_END.test(name)) return null;
  if (/\d/.test(name)) return null;
  return name;
}

/**
 * 上海市科委 → 上海市科学技术委员会, 某某街道 or 某某街道办 → 某某街道办事处 (the office is the
 * agency); null when the name has no common short form.
 */
export function expandShortForm(name: string): string | null {
  for (const [short, full] of SHORT_FORMS) {
    if (name.endsWith(short) && name.length > short.length) {
      return name.slice(0, -short.length) + full;
    }
  }
  const street = /^(.{2,}街道)办?$/.exec(name);
  if (street) return `${street[1]}办事处`;
  return null;
}

export interface AgencyGuess {
  level: AgencyLevel;
  kind: AgencyKind;
  scope: AgencyScope;
  /** 6-digit 行政区划代码; see `guessNewAgency` for what an unknown one becomes. */
  regionCode: string;
}

/** The agency a new one is created under (import's `--create-under`). */
export interface ParentAgency {
  level: AgencyLevel;
  regionCode: string;
}

/** A government as Chinese governments are named; 人民政府办公厅/办公室 are its departments. */
const GOVERNMENT = /(?:人民政府|街道办事处|行政公署)$/;
const TOWNSHIP = /(?:镇|乡|苏木|街道)人民政府$|街道办事处$/;
const PROVINCE = /(?:省|自治区)人民政府$/;
const CITY = /(?:自治州|州|盟)人民政府$|行政公署$/;
const COUNTY = /(?:县|区|旗)人民政府$/;
/** 上海市浦东新区…, 重庆市万州区…: a district or county of a municipality. */
const MUNICIPAL_DISTRICT = /^[^市]{2,6}?[区县]/;

/**
 * A new agency's level, kind, scope and region code, read from its name as Chinese agencies are
 * named, under `parent`:
 * - a government (人民政府, 街道办事处, 行政公署) reports for its region; its level is read from
 *   the name: 省/自治区 and the four 直辖市 (北京、天津、上海、重庆) are provincial, 镇/乡/街道
 *   township, 县/区/旗 county, 州/盟/地区 city; a plain 某某市 is a city under a province and a
 *   county-level city under a city.
 * - anything else is a department of its parent's level reporting for itself, except that a
 *   department named after a municipality itself (上海市人民政府办公厅) is provincial.
 *
 * The region code (notNull, six digits) is what the name and the parent tell:
 * - a department shares its government's code: the parent's (a municipality's own department,
 *   the municipality's).
 * - a township's six digits are its county's (the first six of its own nine): the parent's.
 * - a province's code is known from its name (上海市人民政府 → 310000).
 * - another new government shares the digits of the regions above it with its parent and has 9s
 *   for the digits nobody told us (410399 for a new county under 洛阳市 410300, 419999 for a new
 *   city under 河南省): it stays inside its parent's region, never takes the parent's own code,
 *   and reads as a placeholder for an administrator to correct.
 *
 * @example
 * guessNewAgency("某某街道办事处", { level: "county", regionCode: "410302" });
 * // { level: "township", kind: "government", scope: "region", regionCode: "410302" }
 */
export function guessNewAgency(name: string, parent: ParentAgency): AgencyGuess {
  const municipality = MUNICIPALITIES.find((m) => name.startsWith(m.name));
  if (!GOVERNMENT.test(name)) {
    const rest = municipality ? name.slice(municipality.name.length) : "";
    if (municipality && !MUNICIPAL_DISTRICT.test(rest)) {
      const regionCode = `${municipality.code}0000`;
      return { level: "province", kind: "department", scope: "self", regionCode };
    }
    return {
      level: parent.level,
      kind: "department",
      scope: "self",
      regionCode: parent.regionCode,
    };
  }
  const level: AgencyLevel =
    PROVINCE.test(name) || (municipality && name === `${municipality.name}人民政府`)
      ? "province"
      : TOWNSHIP.test(name)
        ? "township"
        : COUNTY.test(name)
          ? "county"
          : CITY.test(name) || parent.level === "province"
            ? "city"
            : "county";
  return {
    level,
    kind: "government",
    scope: "region",
    regionCode: governmentCode(name, level, parent),
  };
}

/** Where a level's own two digits start in a six-digit code. */
const LEVEL_DIGITS: Record<Exclude<AgencyLevel, "township">, number> = {
  province: 0,
  city: 2,
  county: 4,
};

function governmentCode(name: string, level: AgencyLevel, parent: ParentAgency): string {
  if (level === "township") return parent.regionCode;
  if (level === "province") {
    const province = REAL_PROVINCES.find((p) => name.startsWith(p.name));
    if (province) return `${province.code}0000`;
  }
  const shared = parent.regionCode.slice(0, LEVEL_DIGITS[level]);
  let code = shared.padEnd(6, "9");
  // Only a parent that is itself a placeholder at this level could hold these 9s already.
  for (let n = 98; code === parent.regionCode && n >= 0; n--) {
    code = `${shared}${String(n).padStart(2, "0")}`.padEnd(6, "9");
  }
  return code;
}
