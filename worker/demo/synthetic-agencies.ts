/**
 * Synthetic agency trees: provinces, cities, counties and townships with their departments.
 *
 * Pure and deterministic from `options.seed`. Agencies come out parents first (depth first), so a
 * consumer can insert them in order. Names are generated from fixed syllable lists and are unique
 * within one generated set.
 */

import { REAL_PROVINCES, type ProvinceSpec } from "../report/provinces";
import { createRng, type Random } from "./random";

type AgencyLevel = "province" | "city" | "county" | "township";
type AgencyKind = "government" | "department";
type AgencyScope = "region" | "self";

export interface SyntheticAgency {
  /** Stable path key, e.g. "p31/c02/k05/d03"; the same options give the same keys. */
  key: string;
  parentKey: string | null;
  name: string;
  level: AgencyLevel;
  kind: AgencyKind;
  /**
   * 6-digit 行政区划代码. Departments share their government's; a township has its county's
   * (the first six digits of its own nine-digit code).
   */
  regionCode: string;
  scope: AgencyScope;
}

interface DepartmentsPerLevel {
  province: number;
  city: number;
  county: number;
}

export interface AgencyGenerationOptions {
  seed: number;
  /** A count takes the first provinces of `REAL_PROVINCES`; a list is used as given. */
  provinces: number | readonly ProvinceSpec[];
  citiesPerProvince: number;
  countiesPerCity: number;
  townshipsPerCounty: number;
  /** Departments under each province, city and county government (townships have none). */
  departmentsPerGovernment: number | DepartmentsPerLevel;
}

/** The fictional province of the demo data set (code 99 is not assigned to any real province). */
export const DEMO_PROVINCE: ProvinceSpec = { code: "99", name: "示范省" };

/**
 * One province of 360 agencies, with agencies at every level and of both kinds:
 * 1 provincial government + 15 departments, 4 cities × (1 + 10 departments + 5 counties ×
 * (1 + 8 departments + 6 townships)).
 *
 * @example
 * const agencies = generateAgencies(demoProvinceOptions(1)); // 360 agencies of 示范省
 */
export function demoProvinceOptions(seed = 1): AgencyGenerationOptions {
  return {
    seed,
    provinces: [DEMO_PROVINCE],
    citiesPerProvince: 4,
    countiesPerCity: 5,
    townshipsPerCounty: 6,
    departmentsPerGovernment: { province: 15, city: 10, county: 8 },
  };
}

/**
 * The national bench set: 31 real provinces × 645 agencies = 19,995 agencies
 * (1 government + 26 departments, 6 cities × (1 + 12 departments + 6 counties ×
 * (1 + 6 departments + 8 townships))), the shape measured in SCALE.md.
 *
 * @example
 * const agencies = generateAgencies(nationalBenchOptions(1)); // 19,995 agencies
 */
export function nationalBenchOptions(seed = 1): AgencyGenerationOptions {
  return {
    seed,
    provinces: REAL_PROVINCES.length,
    citiesPerProvince: 6,
    countiesPerCity: 6,
    townshipsPerCounty: 8,
    departmentsPerGovernment: { province: 26, city: 12, county: 6 },
  };
}

/** How many agencies `generateAgencies(options)` returns, without generating them. */
export function countAgencies(options: AgencyGenerationOptions): number {
  const depts = departmentsPerLevel(options.departmentsPerGovernment);
  const provinces = resolveProvinces(options.provinces).length;
  const county = 1 + depts.county + options.townshipsPerCounty;
  const city = 1 + depts.city + options.countiesPerCity * county;
  return provinces * (1 + depts.province + options.citiesPerProvince * city);
}

/**
 * Generates the agency tree described by `options`, parents before children.
 *
 * @example
 * const agencies = generateAgencies({ ...demoProvinceOptions(), seed: 7 });
 */
export function generateAgencies(options: AgencyGenerationOptions): SyntheticAgency[] {
  validateOptions(options);
  const depts = departmentsPerLevel(options.departmentsPerGovernment);
  const provinces = resolveProvinces(options.provinces);
  const rng = createRng(options.seed);
  const names = new PlaceNames(rng);
  const out: SyntheticAgency[] = [];

  for (const province of provinces) {
    const provinceKey = `p${province.code}`;
    const provinceCode = `${province.code}0000`;
    const municipality = province.name.endsWith("市");
    out.push({
      key: provinceKey,
      parentKey: null,
      name: `${province.name}人民政府`,
      level: "province",
      kind: "government",
      regionCode: provinceCode,
      scope: "region",
    });
    const provinceDepartments = municipality ? LOCAL_DEPARTMENTS : PROVINCIAL_DEPARTMENTS;
    pushDepartments(
      out,
      provinceKey,
      province.name,
      provinceCode,
      "province",
      provinceDepartments,
      depts.province,
    );

    for (let c = 1; c <= options.citiesPerProvince; c++) {
      const cityKey = `${provinceKey}/c${pad2(c)}`;
      const cityCode = `${province.code}${pad2(c)}00`;
      const cityName = `${names.take(PREFERRED_LENGTH)}市`;
      out.push({
        key: cityKey,
        parentKey: provinceKey,
        name: `${cityName}人民政府`,
        level: "city",
        kind: "government",
        regionCode: cityCode,
        scope: "region",
      });
      pushDepartments(out, cityKey, cityName, cityCode, "city", LOCAL_DEPARTMENTS, depts.city);

      const countyCodes = new CountyCodes();
      for (let k = 1; k <= options.countiesPerCity; k++) {
        const countyKey = `${cityKey}/k${pad2(k)}`;
        const { suffix, number } = countyCodes.next(rng);
        const countyCode = `${province.code}${pad2(c)}${pad2(number)}`;
        const countyName = `${names.take(PREFERRED_LENGTH)}${suffix}`;
        out.push({
          key: countyKey,
          parentKey: cityKey,
          name: `${countyName}人民政府`,
          level: "county",
          kind: "government",
          regionCode: countyCode,
          scope: "region",
        });
        pushDepartments(
          out,
          countyKey,
          countyName,
          countyCode,
          "county",
          LOCAL_DEPARTMENTS,
          depts.county,
        );

        for (let t = 1; t <= options.townshipsPerCounty; t++) {
          const place = names.take(PREFERRED_LENGTH);
          const streetShare = suffix === "区" ? 0.6 : 0.15;
          const u = rng.next();
          const name =
            u < streetShare
              ? `${place}街道办事处`
              : u < streetShare + 0.2
                ? `${place}乡人民政府`
                : `${place}镇人民政府`;
          out.push({
            key: `${countyKey}/t${pad2(t)}`,
            parentKey: countyKey,
            name,
            level: "township",
            kind: "government",
            regionCode: countyCode,
            // A government's report covers its region, at township level too (FORMAT §8).
            scope: "region",
          });
        }
      }
    }
  }
  return out;
}

// Departments, most commonly reporting first, so that small sets still get the familiar ones.

const PROVINCIAL_DEPARTMENTS: readonly string[] = [
  "人民政府办公厅",
  "教育厅",
  "生态环境厅",
  "自然资源厅",
  "住房和城乡建设厅",
  "公安厅",
  "发展和改革委员会",
  "市场监督管理局",
  "交通运输厅",
  "人力资源和社会保障厅",
  "卫生健康委员会",
  "民政厅",
  "财政厅",
  "农业农村厅",
  "水利厅",
  "司法厅",
  "科学技术厅",
  "工业和信息化厅",
  "商务厅",
  "文化和旅游厅",
  "应急管理厅",
  "退役军人事务厅",
  "审计厅",
  "医疗保障局",
  "统计局",
  "林业局",
  "人民政府国有资产监督管理委员会",
  "体育局",
  "广播电视局",
  "政务服务和大数据管理局",
  "地方金融监督管理局",
  "粮食和物资储备局",
  "药品监督管理局",
  "能源局",
  "信访局",
  "机关事务管理局",
  "乡村振兴局",
  "人民防空办公室",
  "民族宗教事务委员会",
  "人民政府外事办公室",
];

/** Used for cities, counties and the four municipalities' own departments. */
const LOCAL_DEPARTMENTS: readonly string[] = [
  "人民政府办公室",
  "教育局",
  "生态环境局",
  "自然资源和规划局",
  "住房和城乡建设局",
  "公安局",
  "发展和改革局",
  "市场监督管理局",
  "交通运输局",
  "人力资源和社会保障局",
  "卫生健康委员会",
  "民政局",
  "财政局",
  "农业农村局",
  "水利局",
  "司法局",
  "城市管理局",
  "应急管理局",
  "科学技术局",
  "工业和信息化局",
  "商务局",
  "文化广电和旅游局",
  "退役军人事务局",
  "审计局",
  "医疗保障局",
  "统计局",
  "林业局",
  "体育局",
  "政务服务管理局",
  "信访局",
  "机关事务管理局",
  "民族宗教事务局",
  "人民防空办公室",
  "数据局",
];

function pushDepartments(
  out: SyntheticAgency[],
  governmentKey: string,
  placeName: string,
  regionCode: string,
  level: AgencyLevel,
  list: readonly string[],
  count: number,
): void {
  for (let d = 1; d <= count; d++) {
    out.push({
      key: `${governmentKey}/d${pad2(d)}`,
      parentKey: governmentKey,
      name: `${placeName}${list[d - 1] ?? ""}`,
      level,
      kind: "department",
      regionCode,
      scope: "self",
    });
  }
}

// Place names: a first and a second syllable, a third when two-syllable names run out.

const FIRST_SYLLABLES = [
  ..."东西南北安宁平和兴华丰永清长新江河山阳临青泰福庆嘉昌吉盛德广龙凤金石白黄云海湖松桃柳杨梅桂竹兰明光顺瑞乐康寿通高远泉溪林峰岭川源崇宜秀文武仁义怀望",
];
const SECOND_SYLLABLES = [
  ..."阳安宁平城州江山河川源泉溪湖桥林田岗口坪坝塘湾庄集店沟岭峰丰兴华昌盛乐康泰和丘原陵门台堡渡浦港洲滩水谷岩屯关营寨塔亭",
];
const THIRD_SYLLABLES = [..."东西南北中上下新"];
const PREFERRED_LENGTH = 2;

/** Hands out place names that are unique within one generated set. */
class PlaceNames {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Random) {}

  take(length: 2 | 3): string {
    if (length === 2) {
      for (let attempt = 0; attempt < 24; attempt++) {
        const name = this.two();
        if (name !== "" && !this.used.has(name)) return this.keep(name);
      }
    }
    for (;;) {
      const base = this.two();
      if (base === "") continue;
      const name = `${this.rng.pick(THIRD_SYLLABLES)}${base}`;
      if (!this.used.has(name)) return this.keep(name);
    }
  }

  private two(): string {
    const first = this.rng.pick(FIRST_SYLLABLES);
    const second = this.rng.pick(SECOND_SYLLABLES);
    return first === second ? "" : `${first}${second}`;
  }

  private keep(name: string): string {
    this.used.add(name);
    return name;
  }
}

/**
 * County codes follow the national convention: 市辖区 01–20, 县 21–80, 县级市 81–99
 * (01 itself is the city's 市辖区 total, so districts start at 02).
 */
class CountyCodes {
  private district = 2;
  private county = 21;
  private countyCity = 81;

  next(rng: Random): { suffix: "区" | "县" | "市"; number: number } {
    const u = rng.next();
    const order: Array<"区" | "县" | "市"> =
      u < 0.35 ? ["区", "县", "市"] : u < 0.85 ? ["县", "区", "市"] : ["市", "县", "区"];
    for (const suffix of order) {
      if (suffix === "区" && this.district <= 20) return { suffix, number: this.district++ };
      if (suffix === "县" && this.county <= 80) return { suffix, number: this.county++ };
      if (suffix === "市" && this.countyCity <= 99) return { suffix, number: this.countyCity++ };
    }
    throw new RangeError("more than 98 counties in one city");
  }
}

function departmentsPerLevel(value: number | DepartmentsPerLevel): DepartmentsPerLevel {
  return typeof value === "number" ? { province: value, city: value, county: value } : value;
}

function resolveProvinces(value: number | readonly ProvinceSpec[]): readonly ProvinceSpec[] {
  return typeof value === "number" ? REAL_PROVINCES.slice(0, value) : value;
}

function validateOptions(options: AgencyGenerationOptions): void {
  const depts = departmentsPerLevel(options.departmentsPerGovernment);
  const provinces = resolveProvinces(options.provinces);
  const checks: Array<[string, number, number]> = [
    [
      "provinces",
      typeof options.provinces === "number" ? options.provinces : provinces.length,
      REAL_PROVINCES.length,
    ],
    ["citiesPerProvince", options.citiesPerProvince, 99],
    ["countiesPerCity", options.countiesPerCity, 98],
    ["townshipsPerCounty", options.townshipsPerCounty, 999],
    [
      "departmentsPerGovernment.province",
      depts.province,
      Math.min(PROVINCIAL_DEPARTMENTS.length, LOCAL_DEPARTMENTS.length),
    ],
    ["departmentsPerGovernment.city", depts.city, LOCAL_DEPARTMENTS.length],
    ["departmentsPerGovernment.county", depts.county, LOCAL_DEPARTMENTS.length],
  ];
  for (const [label, value, max] of checks) {
    if (!Number.isInteger(value) || value < 0 || value > max) {
      throw new RangeError(`${label} must be an integer from 0 to ${max}, got ${value}`);
    }
  }
  if (typeof options.provinces !== "number") {
    const codes = new Set<string>();
    for (const p of options.provinces) {
      if (!/^\d{2}$/.test(p.code) || codes.has(p.code)) {
        throw new RangeError(`province codes must be distinct two-digit strings, got "${p.code}"`);
      }
      codes.add(p.code);
    }
  }
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
