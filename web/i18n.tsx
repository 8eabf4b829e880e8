import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";

export type Locale = "zh" | "en";

const messages = {
  zh: {
    appTitle: "年报",
    appSubtitle: "政府信息公开工作年度报告数据平台",
    agencies: "机构",
    searchAgencies: "搜索机构名称",
    allLevels: "全部层级",
    level_province: "省级",
    level_city: "市级",
    level_county: "县级",
    level_township: "乡镇/街道",
    kind_government: "政府",
    kind_department: "部门",
    scope_region: "全地区",
    scope_self: "本机关",
    reports: "年度报告",
    noReports: "该机构尚无报告",
    chooseAgency: "请选择左侧的机构查看其年度报告",
    status_draft: "草稿",
    status_submitted: "已提交",
    status_returned: "已退回",
    status_approved: "已发布",
    revision: "版本",
    findings: "勾稽检查",
    noFindings: "未发现问题",
    errors: "错误",
    warnings: "提示",
    loading: "加载中…",
    loadFailed: "加载失败",
    retry: "重试",
    regionCode: "行政区划代码",
    total: "共",
    items: "条",
    more: "加载更多",
    template: "格式",
    language: "English",
    exportJson: "导出 JSON",
    exportCsv: "导出 CSV",
    keyFigures: "主要数据",
    newReceived: "本年新收申请",
    totalProcessed: "办理总计",
    reconsideration: "行政复议",
    websiteVisits: "网站访问量",
  },
  en: {
    appTitle: "Nianbao",
    appSubtitle: "Open government information annual reports as data",
    agencies: "Agencies",
    searchAgencies: "Search agency names",
    allLevels: "All levels",
    level_province: "Province",
    level_city: "City",
    level_county: "County",
    level_township: "Township",
    kind_government: "Government",
    kind_department: "Department",
    scope_region: "Whole region",
    scope_self: "Own agency",
    reports: "Annual reports",
    noReports: "This agency has no reports yet",
    chooseAgency: "Choose an agency on the left to see its reports",
    status_draft: "Draft",
    status_submitted: "Submitted",
    status_returned: "Returned",
    status_approved: "Published",
    revision: "Revision",
    findings: "Rule checks",
    noFindings: "No findings",
    errors: "errors",
    warnings: "warnings",
    loading: "Loading…",
    loadFailed: "Failed to load",
    retry: "Retry",
    regionCode: "Region code",
    total: "Total",
    items: "",
    more: "Load more",
    template: "Template",
    language: "中文",
    exportJson: "Export JSON",
    exportCsv: "Export CSV",
    keyFigures: "Key figures",
    newReceived: "New applications",
    totalProcessed: "Processed",
    reconsideration: "Reconsiderations",
    websiteVisits: "Website visits",
  },
} as const;

export type MessageKey = keyof (typeof messages)["zh"];

interface I18n {
  locale: Locale;
  t: (key: MessageKey) => string;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18n | null>(null);

const STORAGE_KEY = "nianbao.locale";

function initialLocale(): Locale {
  const param = new URLSearchParams(window.location.search).get("lang");
  if (param === "en" || param === "zh") return param;
  return window.localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "zh";
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    window.localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next === "zh" ? "zh-CN" : "en";
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({ locale, setLocale, t: (key) => messages[locale][key] }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
