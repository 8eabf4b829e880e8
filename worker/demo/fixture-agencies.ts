import type { AgencyKind, AgencyLevel, AgencyScope } from "../db/schema";

export interface DemoAgency {
  key: string;
  parentKey: string | null;
  name: string;
  level: AgencyLevel;
  kind: AgencyKind;
  scope: AgencyScope;
  regionCode: string;
}

/**
 * The real agencies behind the published reports in `shared/fixtures/reports`, with the
 * governments above them, so that the demo holds real figures in a real hierarchy.
 * `fixture` names the report file stem that belongs to the agency.
 */
export const FIXTURE_AGENCIES: (DemoAgency & { fixture?: string })[] = [
  gov("henan", null, "河南省人民政府", "province", "410000"),
  gov("luoyang", "henan", "洛阳市人民政府", "city", "410300"),
  dept(
    "luoyang-bgs",
    "luoyang",
    "洛阳市人民政府办公室",
    "city",
    "410300",
    "00_luoyang_shi_bgs_2022",
  ),
  gov("jiangsu", null, "江苏省人民政府", "province", "320000"),
  gov("huaian", "jiangsu", "淮安市人民政府", "city", "320800", "01_huaian_shi_2024"),
  gov("hongze", "huaian", "淮安市洪泽区人民政府", "county", "320813", "03_hongze_qu_2024"),
  gov("yancheng", "jiangsu", "盐城市人民政府", "city", "320900"),
  gov("suqian", "jiangsu", "宿迁市人民政府", "city", "321300"),
  gov("shuyang", "suqian", "沭阳县人民政府", "county", "321322"),
  dept("shuyang-fgj", "shuyang", "沭阳县发展和改革局", "county", "321322", "24_shuyang_fgj_2023"),
  dept("yancheng-sthjj", "yancheng", "盐城市生态环境局", "city", "320900"),
  gov("shanghai", null, "上海市人民政府", "province", "310000"),
  dept(
    "shanghai-bgt",
    "shanghai",
    "上海市人民政府办公厅",
    "province",
    "310000",
    "05_shanghai_shizhengfu_bgt_2019",
  ),
  dept(
    "shanghai-kewei",
    "shanghai",
    "上海市科学技术委员会",
    "province",
    "310000",
    "22_shanghai_kewei_2024",
  ),
  gov("shandong", null, "山东省人民政府", "province", "370000"),
  dept("shandong-bgt", "shandong", "山东省人民政府办公厅", "province", "370000"),
  gov("guangdong", null, "广东省人民政府", "province", "440000"),
  gov("guangzhou", "guangdong", "广州市人民政府", "city", "440100"),
  dept("guangzhou-bgt", "guangzhou", "广州市人民政府办公厅", "city", "440100"),
  gov("shenzhen", "guangdong", "深圳市人民政府", "city", "440300"),
  gov("longgang", "shenzhen", "深圳市龙岗区人民政府", "county", "440307"),
  dept(
    "longgang-bumen",
    "longgang",
    "深圳市龙岗区某区政府工作部门",
    "county",
    "440307",
    "11_longgang_qu_bumen_2024",
  ),
  gov("shanxi", null, "山西省人民政府", "province", "140000"),
  gov("jincheng", "shanxi", "晋城市人民政府", "city", "140500"),
  gov("gaoping", "jincheng", "高平市人民政府", "county", "140581"),
  dept("gaoping-bgs", "gaoping", "高平市人民政府办公室", "county", "140581"),
  gov("hainan", null, "海南省人民政府", "province", "460000"),
  dept("hainan-sthjt", "hainan", "海南省生态环境厅", "province", "460000"),
  gov("xizang", null, "西藏自治区人民政府", "province", "540000"),
  gov("changdu", "xizang", "昌都市人民政府", "city", "540300"),
  gov("zuogong", "changdu", "左贡县人民政府", "county", "540328", "12_zuogong_xian_2021"),
  gov("hubei", null, "湖北省人民政府", "province", "420000"),
  gov("enshi", "hubei", "恩施土家族苗族自治州人民政府", "city", "422800"),
  gov("laifeng", "enshi", "来凤县人民政府", "county", "422827"),
  dept("laifeng-zwfwj", "laifeng", "来凤县政务服务和大数据管理局", "county", "422827"),
];

function gov(
  key: string,
  parentKey: string | null,
  name: string,
  level: AgencyLevel,
  regionCode: string,
  fixture?: string,
) {
  return {
    key,
    parentKey,
    name,
    level,
    kind: "government" as const,
    scope: "region" as const,
    regionCode,
    fixture,
  };
}

function dept(
  key: string,
  parentKey: string,
  name: string,
  level: AgencyLevel,
  regionCode: string,
  fixture?: string,
) {
  return {
    key,
    parentKey,
    name,
    level,
    kind: "department" as const,
    scope: "self" as const,
    regionCode,
    fixture,
  };
}
