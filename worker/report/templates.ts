/**
 * The official tables of the annual report as data: rows, columns and their printed labels.
 * Chinese labels are exactly as printed in the national format (国办公开办函〔2021〕30号) or, for
 * table 二 of the 2019 trial format (国办公开办函〔2019〕60号), as printed in real 2019 reports.
 */

export type Template = "2021" | "2019";

export const TEMPLATES: readonly Template[] = ["2021", "2019"];

export interface Labelled {
  readonly label: string;
  readonly labelEn: string;
}

// ---------------------------------------------------------------------------------------------
// Table 三 — applications

export const SECTION3_COLUMNS = [
  { key: "natural_person", label: "自然人", labelEn: "natural person" },
  {
    key: "commercial_enterprise",
    label: "商业企业",
    labelEn: "commercial enterprise",
    group: "法人或其他组织",
    groupEn: "legal persons or other organisations",
  },
  {
    key: "research_institution",
    label: "科研机构",
    labelEn: "research institution",
    group: "法人或其他组织",
    groupEn: "legal persons or other organisations",
  },
  {
    key: "social_welfare_organization",
    label: "社会公益组织",
    labelEn: "social welfare organisation",
    group: "法人或其他组织",
    groupEn: "legal persons or other organisations",
  },
  {
    key: "legal_service_agency",
    label: "法律服务机构",
    labelEn: "legal service agency",
    group: "法人或其他组织",
    groupEn: "legal persons or other organisations",
  },
  {
    key: "other",
    label: "其他",
    labelEn: "other",
    group: "法人或其他组织",
    groupEn: "legal persons or other organisations",
  },
  { key: "total", label: "总计", labelEn: "total" },
] as const;

export type Section3ColumnKey = (typeof SECTION3_COLUMNS)[number]["key"];

export const SECTION3_COLUMN_KEYS: readonly Section3ColumnKey[] = SECTION3_COLUMNS.map(
  (c) => c.key,
);

/** The six applicant columns, i.e. every column but 总计 (index 6). */
export const SECTION3_APPLICANT_COLUMN_COUNT = 6;
export const SECTION3_TOTAL_INDEX = 6;

export type Section3Family =
  | "received"
  | "carried_over"
  | "granted"
  | "partially_granted"
  | "denied"
  | "unable"
  | "not_processed"
  | "other_processing"
  | "total_processed"
  | "carried_forward";

/** The six outcome families, in printed order: the series of a stacked "how were they handled" bar. */
export const OUTCOME_FAMILIES = [
  "granted",
  "partially_granted",
  "denied",
  "unable",
  "not_processed",
  "other_processing",
] as const satisfies readonly Section3Family[];

/** `split`: the 2021 layout with three （六） rows; `single`: the 2019 trial layout's one （六） row. */
export type Section3Variant = "split" | "single";

export interface Section3RowGroup extends Labelled {
  readonly key: string;
  readonly parent?: Section3RowGroup;
}

export interface Section3RowDef extends Labelled {
  readonly key: string;
  /** Short reference used in the printed corner formula and in messages, e.g. 三(七). */
  readonly ref: string;
  readonly refEn: string;
  /** The printed heading the row sits under (the table's merged left cell), if any. */
  readonly group?: Section3RowGroup;
  readonly family: Section3Family;
  /** Only on the （六） rows: which layout they belong to. Rows without it belong to both. */
  readonly variant?: Section3Variant;
}

const RESULTS_GROUP = {
  key: "results",
  label: "三、本年度办理结果",
  labelEn: "3. Results this year",
} as const satisfies Section3RowGroup;

const DENIED_GROUP = {
  key: "denied",
  label: "（三）不予公开",
  labelEn: "(3) Not disclosed",
  parent: RESULTS_GROUP,
} as const satisfies Section3RowGroup;

const UNABLE_GROUP = {
  key: "unable",
  label: "（四）无法提供",
  labelEn: "(4) Unable to provide",
  parent: RESULTS_GROUP,
} as const satisfies Section3RowGroup;

const NOT_PROCESSED_GROUP = {
  key: "not_processed",
  label: "（五）不予处理",
  labelEn: "(5) Not processed",
  parent: RESULTS_GROUP,
} as const satisfies Section3RowGroup;

const OTHER_PROCESSING_GROUP = {
  key: "other_processing",
  label: "（六）其他处理",
  labelEn: "(6) Other handling",
  parent: RESULTS_GROUP,
} as const satisfies Section3RowGroup;

export const SECTION3_ROW_GROUPS: readonly Section3RowGroup[] = [
  RESULTS_GROUP,
  DENIED_GROUP,
  UNABLE_GROUP,
  NOT_PROCESSED_GROUP,
  OTHER_PROCESSING_GROUP,
];

/**
 * Rows in printed order. Both layouts of （六） are listed (the split rows, then the single row);
 * use `section3RowKeys(variant)` for one layout.
 */
export const SECTION3_ROWS = [
  {
    key: "new_received",
    label: "一、本年新收政府信息公开申请数量",
    labelEn: "1. New applications received this year",
    ref: "一",
    refEn: "1",
    family: "received",
  },
  {
    key: "carried_over",
    label: "二、上年结转政府信息公开申请数量",
    labelEn: "2. Applications carried over from last year",
    ref: "二",
    refEn: "2",
    family: "carried_over",
  },
  {
    key: "granted",
    label: "（一）予以公开",
    labelEn: "(1) Disclosed",
    ref: "三(一)",
    refEn: "3(1)",
    group: RESULTS_GROUP,
    family: "granted",
  },
  {
    key: "partially_granted",
    label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    labelEn: "(2) Partly disclosed (an application handled in parts counts here only)",
    ref: "三(二)",
    refEn: "3(2)",
    group: RESULTS_GROUP,
    family: "partially_granted",
  },
  {
    key: "denied_state_secret",
    label: "1.属于国家秘密",
    labelEn: "1. State secret",
    ref: "三(三)1",
    refEn: "3(3)1",
    group: DENIED_GROUP,
    family: "denied",
  },
  {
    key: "denied_law_forbidden",
    label: "2.其他法律行政法规禁止公开",
    labelEn: "2. Disclosure forbidden by other laws or administrative regulations",
    ref: "三(三)2",
    refEn: "3(3)2",
    group: DENIED_GROUP,
    family: "denied",
  },
  {
    key: "denied_three_safety_one_stability",
    label: "3.危及“三安全一稳定”",
    labelEn: "3. Endangers national, public, economic security or social stability",
    ref: "三(三)3",
    refEn: "3(3)3",
    group: DENIED_GROUP,
    family: "denied",
  },
  {
    key: "denied_third_party",
    label: "4.保护第三方合法权益",
    labelEn: "4. Protects the lawful rights of a third party",
    ref: "三(三)4",
    refEn: "3(3)4",
    group: DENIED_GROUP,
    family: "denied",
  },
  {
    key: "denied_internal_affairs",
    label: "5.属于三类内部事务信息",
    labelEn: "5. Internal affairs information (three kinds)",
    ref: "三(三)5",
    refEn: "3(3)5",
    group: DENIED_GROUP,
    family: "denied",
  },
  {
    key: "denied_process_info",
    label: "6.属于四类过程性信息",
    labelEn: "6. Process information (four kinds)",
    ref: "三(三)6",
    refEn: "3(3)6",
    group: DENIED_GROUP,
    family: "denied",
  },
  {
    key: "denied_enforcement_file",
    label: "7.属于行政执法案卷",
    labelEn: "7. Administrative enforcement case file",
    ref: "三(三)7",
    refEn: "3(3)7",
    group: DENIED_GROUP,
    family: "denied",
  },
  {
    key: "denied_administrative_query",
    label: "8.属于行政查询事项",
    labelEn: "8. Administrative query matter",
    ref: "三(三)8",
    refEn: "3(3)8",
    group: DENIED_GROUP,
    family: "denied",
  },
  {
    key: "unable_not_held",
    label: "1.本机关不掌握相关政府信息",
    labelEn: "1. This agency does not hold the information",
    ref: "三(四)1",
    refEn: "3(4)1",
    group: UNABLE_GROUP,
    family: "unable",
  },
  {
    key: "unable_needs_creation",
    label: "2.没有现成信息需要另行制作",
    labelEn: "2. No existing information; it would have to be created",
    ref: "三(四)2",
    refEn: "3(4)2",
    group: UNABLE_GROUP,
    family: "unable",
  },
  {
    key: "unable_unclear_after_correction",
    label: "3.补正后申请内容仍不明确",
    labelEn: "3. Request still unclear after correction",
    ref: "三(四)3",
    refEn: "3(4)3",
    group: UNABLE_GROUP,
    family: "unable",
  },
  {
    key: "notproc_petition_complaint",
    label: "1.信访举报投诉类申请",
    labelEn: "1. Petition, report or complaint",
    ref: "三(五)1",
    refEn: "3(5)1",
    group: NOT_PROCESSED_GROUP,
    family: "not_processed",
  },
  {
    key: "notproc_repeat",
    label: "2.重复申请",
    labelEn: "2. Repeated application",
    ref: "三(五)2",
    refEn: "3(5)2",
    group: NOT_PROCESSED_GROUP,
    family: "not_processed",
  },
  {
    key: "notproc_publication",
    label: "3.要求提供公开出版物",
    labelEn: "3. Request for a public publication",
    ref: "三(五)3",
    refEn: "3(5)3",
    group: NOT_PROCESSED_GROUP,
    family: "not_processed",
  },
  {
    key: "notproc_massive_repeat",
    label: "4.无正当理由大量反复申请",
    labelEn: "4. Massive repeated applications without good reason",
    ref: "三(五)4",
    refEn: "3(5)4",
    group: NOT_PROCESSED_GROUP,
    family: "not_processed",
  },
  {
    key: "notproc_confirm_reissue",
    label: "5.要求行政机关确认或重新出具已获取信息",
    labelEn: "5. Request to confirm or reissue information already obtained",
    ref: "三(五)5",
    refEn: "3(5)5",
    group: NOT_PROCESSED_GROUP,
    family: "not_processed",
  },
  {
    key: "other_no_correction",
    label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    labelEn:
      "1. Applicant did not correct the request in time without good reason; no longer processed",
    ref: "三(六)1",
    refEn: "3(6)1",
    group: OTHER_PROCESSING_GROUP,
    family: "other_processing",
    variant: "split",
  },
  {
    key: "other_no_fee_payment",
    label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    labelEn: "2. Applicant did not pay the notified fee in time; no longer processed",
    ref: "三(六)2",
    refEn: "3(6)2",
    group: OTHER_PROCESSING_GROUP,
    family: "other_processing",
    variant: "split",
  },
  {
    key: "other_other",
    label: "3.其他",
    labelEn: "3. Other",
    ref: "三(六)3",
    refEn: "3(6)3",
    group: OTHER_PROCESSING_GROUP,
    family: "other_processing",
    variant: "split",
  },
  {
    key: "other_processing",
    label: "（六）其他处理",
    labelEn: "(6) Other handling",
    ref: "三(六)",
    refEn: "3(6)",
    group: RESULTS_GROUP,
    family: "other_processing",
    variant: "single",
  },
  {
    key: "total_processed",
    label: "（七）总计",
    labelEn: "(7) Total",
    ref: "三(七)",
    refEn: "3(7)",
    group: RESULTS_GROUP,
    family: "total_processed",
  },
  {
    key: "carried_forward",
    label: "四、结转下年度继续办理",
    labelEn: "4. Carried forward to next year",
    ref: "四",
    refEn: "4",
    family: "carried_forward",
  },
] as const satisfies readonly Section3RowDef[];

export type Section3RowKey = (typeof SECTION3_ROWS)[number]["key"];

export const SECTION3_ROW_KEYS: readonly Section3RowKey[] = SECTION3_ROWS.map((r) => r.key);

export const SPLIT_OTHER_ROW_KEYS = [
  "other_no_correction",
  "other_no_fee_payment",
  "other_other",
] as const satisfies readonly Section3RowKey[];

const ROW_BY_KEY: ReadonlyMap<string, Section3RowDef> = new Map(
  SECTION3_ROWS.map((r) => [r.key, r]),
);

export function section3Row(key: Section3RowKey): Section3RowDef {
  const row = ROW_BY_KEY.get(key);
  if (!row) throw new Error(`unknown table 三 row: ${key}`);
  return row;
}

/** The rows of one layout, in printed order (25 for split, 23 for single). */
export function section3RowKeys(variant: Section3Variant): Section3RowKey[] {
  return SECTION3_ROWS.filter((r) => !("variant" in r) || r.variant === variant).map((r) => r.key);
}

/** The outcome rows that rule R3 sums into （七）总计: 21 for split, 19 for single. */
export function OUTCOME_ROW_KEYS(variant: Section3Variant): Section3RowKey[] {
  const outcome: readonly Section3Family[] = OUTCOME_FAMILIES;
  return section3RowKeys(variant).filter((key) => outcome.includes(section3Row(key).family));
}

/**
 * The row label with its immediate heading, as a reader names it: "（三）不予公开 1.属于国家秘密",
 * "三、本年度办理结果 （七）总计".
 */
export function section3RowFullLabel(key: Section3RowKey): Labelled {
  const row = section3Row(key);
  if (!row.group) return { label: row.label, labelEn: row.labelEn };
  return {
    label: `${row.group.label} ${row.label}`,
    labelEn: `${row.group.labelEn} ${row.labelEn}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Table 四 — reconsideration and litigation

const LITIGATION_PARENT = { label: "行政诉讼", labelEn: "administrative litigation" } as const;

export const SECTION4_GROUPS = [
  { key: "reconsideration", label: "行政复议", labelEn: "administrative reconsideration" },
  {
    key: "litigation_direct",
    label: "未经复议直接起诉",
    labelEn: "filed directly, without reconsideration",
    parent: LITIGATION_PARENT,
  },
  {
    key: "litigation_after_reconsideration",
    label: "复议后起诉",
    labelEn: "filed after reconsideration",
    parent: LITIGATION_PARENT,
  },
] as const;

export type Section4GroupKey = (typeof SECTION4_GROUPS)[number]["key"];

export const SECTION4_GROUP_KEYS: readonly Section4GroupKey[] = SECTION4_GROUPS.map((g) => g.key);

export const SECTION4_COLUMNS = [
  { key: "upheld", label: "结果维持", labelEn: "upheld" },
  { key: "corrected", label: "结果纠正", labelEn: "corrected" },
  { key: "other", label: "其他结果", labelEn: "other result" },
  { key: "pending", label: "尚未审结", labelEn: "pending" },
  { key: "total", label: "总计", labelEn: "total" },
] as const;

export type Section4ColumnKey = (typeof SECTION4_COLUMNS)[number]["key"];

export const SECTION4_COLUMN_KEYS: readonly Section4ColumnKey[] = SECTION4_COLUMNS.map(
  (c) => c.key,
);

export const SECTION4_TOTAL_INDEX = 4;

/** "行政诉讼 复议后起诉", "行政复议". */
export function section4GroupFullLabel(key: Section4GroupKey): Labelled {
  const group = SECTION4_GROUPS.find((g) => g.key === key);
  if (!group) throw new Error(`unknown table 四 group: ${key}`);
  if (!("parent" in group)) return { label: group.label, labelEn: group.labelEn };
  return {
    label: `${group.parent.label} ${group.label}`,
    labelEn: `${group.parent.labelEn}, ${group.labelEn}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Table 二 — proactive disclosure

export type FigureKind = "count" | "amount";

export interface Section2Column extends Labelled {
  readonly key: string;
  readonly kind: FigureKind;
  readonly unit: string;
  readonly unitEn: string;
  /** 本年增/减 of the 2019 format is a change, so it may be negative. */
  readonly signed?: boolean;
}

interface Section2RowBase extends Labelled {
  readonly key: string;
  /** The item of Art. 20 of the Regulation the row discloses, e.g. 第（一）项. */
  readonly item: string;
  readonly itemEn: string;
  /** Other printed spellings of the row label. */
  readonly aliases?: readonly string[];
}

/** A row holding several figures: `section2.<row>.<column>`. */
interface Section2ObjectRow extends Section2RowBase {
  readonly shape: "object";
  readonly columns: readonly Section2Column[];
}

/** A row holding one figure: `section2.<row>`; `column` is the printed column heading. */
interface Section2ScalarRow extends Section2RowBase {
  readonly shape: "scalar";
  readonly column: Omit<Section2Column, "key">;
}

export type Section2RowDef = Section2ObjectRow | Section2ScalarRow;

const PIECES = { unit: "件", unitEn: "items" } as const;

const MADE_REPEALED_VALID = [
  { key: "made", label: "本年制发件数", labelEn: "made this year", kind: "count", ...PIECES },
  {
    key: "repealed",
    label: "本年废止件数",
    labelEn: "repealed this year",
    kind: "count",
    ...PIECES,
  },
  { key: "valid", label: "现行有效件数", labelEn: "currently in force", kind: "count", ...PIECES },
] as const satisfies readonly Section2Column[];

const DECISIONS_THIS_YEAR = {
  label: "本年处理决定数量",
  labelEn: "decisions made this year",
  kind: "count",
  ...PIECES,
} as const;

export const SECTION2_2021_ROWS = [
  {
    key: "regulations",
    item: "第（一）项",
    itemEn: "Art. 20(1)",
    label: "规章",
    labelEn: "rules (guizhang)",
    shape: "object",
    columns: MADE_REPEALED_VALID,
  },
  {
    key: "normative_documents",
    item: "第（一）项",
    itemEn: "Art. 20(1)",
    label: "行政规范性文件",
    labelEn: "administrative normative documents",
    aliases: ["规范性文件"],
    shape: "object",
    columns: MADE_REPEALED_VALID,
  },
  {
    key: "licensing_decisions",
    item: "第（五）项",
    itemEn: "Art. 20(5)",
    label: "行政许可",
    labelEn: "administrative licensing",
    shape: "scalar",
    column: DECISIONS_THIS_YEAR,
  },
  {
    key: "punishment_decisions",
    item: "第（六）项",
    itemEn: "Art. 20(6)",
    label: "行政处罚",
    labelEn: "administrative penalties",
    shape: "scalar",
    column: DECISIONS_THIS_YEAR,
  },
  {
    key: "coercion_decisions",
    item: "第（六）项",
    itemEn: "Art. 20(6)",
    label: "行政强制",
    labelEn: "administrative coercion",
    shape: "scalar",
    column: DECISIONS_THIS_YEAR,
  },
  {
    key: "fees_wan_yuan",
    item: "第（八）项",
    itemEn: "Art. 20(8)",
    label: "行政事业性收费",
    labelEn: "administrative fees",
    shape: "scalar",
    column: {
      label: "本年收费金额（单位：万元）",
      labelEn: "amount collected this year (10,000 yuan)",
      kind: "amount",
      unit: "万元",
      unitEn: "10,000 yuan",
    },
  },
] as const satisfies readonly Section2RowDef[];

const ITEMS = { unit: "项", unitEn: "items" } as const;

const MADE_PUBLISHED_2019 = [
  {
    key: "new_made",
    label: "本年新制作数量",
    labelEn: "newly made this year",
    kind: "count",
    ...PIECES,
  },
  {
    key: "new_published",
    label: "本年新公开数量",
    labelEn: "newly published this year",
    kind: "count",
    ...PIECES,
  },
  {
    key: "total_published",
    label: "对外公开总数量",
    labelEn: "total published",
    kind: "count",
    ...PIECES,
  },
] as const satisfies readonly Section2Column[];

const PREV_YEAR_ITEMS = {
  key: "prev_year_items",
  label: "上一年项目数量",
  labelEn: "items last year",
  kind: "count",
  ...ITEMS,
} as const satisfies Section2Column;

const CHANGE = {
  key: "change",
  label: "本年增/减",
  labelEn: "change this year (+/−)",
  kind: "count",
  signed: true,
  ...ITEMS,
} as const satisfies Section2Column;

const ITEMS_CHANGE_DECISIONS_2019 = [
  PREV_YEAR_ITEMS,
  CHANGE,
  {
    key: "decisions",
    label: "处理决定数量",
    labelEn: "decisions made",
    kind: "count",
    ...PIECES,
  },
] as const satisfies readonly Section2Column[];

export const SECTION2_2019_ROWS = [
  {
    key: "regulations",
    item: "第（一）项",
    itemEn: "Art. 20(1)",
    label: "规章",
    labelEn: "rules (guizhang)",
    shape: "object",
    columns: MADE_PUBLISHED_2019,
  },
  {
    key: "normative_documents",
    item: "第（一）项",
    itemEn: "Art. 20(1)",
    label: "规范性文件",
    labelEn: "normative documents",
    aliases: ["行政规范性文件"],
    shape: "object",
    columns: MADE_PUBLISHED_2019,
  },
  {
    key: "licensing",
    item: "第（五）项",
    itemEn: "Art. 20(5)",
    label: "行政许可",
    labelEn: "administrative licensing",
    shape: "object",
    columns: ITEMS_CHANGE_DECISIONS_2019,
  },
  {
    key: "other_external_management_services",
    item: "第（五）项",
    itemEn: "Art. 20(5)",
    label: "其他对外管理服务事项",
    labelEn: "other external management services",
    shape: "object",
    columns: ITEMS_CHANGE_DECISIONS_2019,
  },
  {
    key: "punishment",
    item: "第（六）项",
    itemEn: "Art. 20(6)",
    label: "行政处罚",
    labelEn: "administrative penalties",
    shape: "object",
    columns: ITEMS_CHANGE_DECISIONS_2019,
  },
  {
    key: "coercion",
    item: "第（六）项",
    itemEn: "Art. 20(6)",
    label: "行政强制",
    labelEn: "administrative coercion",
    shape: "object",
    columns: ITEMS_CHANGE_DECISIONS_2019,
  },
  {
    key: "fees",
    item: "第（八）项",
    itemEn: "Art. 20(8)",
    label: "行政事业性收费",
    labelEn: "administrative fees",
    shape: "object",
    columns: [PREV_YEAR_ITEMS, CHANGE],
  },
  {
    key: "centralized_procurement",
    item: "第（九）项",
    itemEn: "Art. 20(9)",
    label: "政府集中采购",
    labelEn: "centralised government procurement",
    shape: "object",
    columns: [
      {
        key: "projects",
        label: "采购项目数量",
        labelEn: "procurement projects",
        kind: "count",
        ...ITEMS,
      },
      {
        key: "amount_yuan",
        label: "采购总金额",
        labelEn: "total procurement amount",
        kind: "amount",
        unit: "元",
        unitEn: "yuan",
      },
    ],
  },
] as const satisfies readonly Section2RowDef[];

export function section2Rows(template: Template): readonly Section2RowDef[] {
  return template === "2021" ? SECTION2_2021_ROWS : SECTION2_2019_ROWS;
}

/** The printed corner formula of table 三, shown beside R2 findings. */
export const SECTION3_CORNER_NOTE =
  "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
