/**
 * Cleaning an agency name taken from a title or a sentence, and expanding the common short forms
 * of department names (上海市科委 → 上海市科学技术委员会).
 */

const LEADING = /^.*?(?:现予公布|现公布|特发布|现将|印发)|^关于/;
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
];

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

/** 上海市科委 → 上海市科学技术委员会; null when the name has no common short form. */
export function expandShortForm(name: string): string | null {
  for (const [short, full] of SHORT_FORMS) {
    if (name.endsWith(short) && name.length > short.length) {
      return name.slice(0, -short.length) + full;
    }
  }
  return null;
}
