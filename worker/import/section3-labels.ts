/**
 * Recognising a table-三 row by its printed label, tolerating wrapped, split and mistyped labels.
 * Each row has a few distinctive keywords; a label that names none of them is compared with the
 * official label by character bigrams.
 */

import { SECTION3_ROWS, type Section3RowKey } from "../report/templates";

const SIGNATURES: Record<Section3RowKey, RegExp> = {
  new_received: /本年新收|新收.{0,4}申请/,
  carried_over: /上年结转/,
  granted: /予以公开/,
  partially_granted: /部分公开|区分处理/,
  denied_state_secret: /国家秘密/,
  denied_law_forbidden: /法规禁止|禁止公开|其他法律/,
  denied_three_safety_one_stability: /三安全|一稳定/,
  denied_third_party: /第三方/,
  denied_internal_affairs: /内部事务/,
  denied_process_info: /过程性/,
  denied_enforcement_file: /执法案卷/,
  denied_administrative_query: /行政查询|查询事项/,
  unable_not_held: /不掌握/,
  unable_needs_creation: /另行制作|没有现成/,
  unable_unclear_after_correction: /仍不明确|补正后/,
  notproc_petition_complaint: /信访|举报投诉/,
  notproc_repeat: /重复申请/,
  notproc_publication: /出版物/,
  notproc_massive_repeat: /大量反复|反复申请/,
  notproc_confirm_reissue: /重新出具|确认或/,
  other_no_correction: /不补正|逾期不补/,
  other_no_fee_payment: /缴纳费用|收费通知/,
  other_other: /^[^\u3400-\u9fff]*3[.、]?其他$|\(六\).{0,4}3[.、]?其他$/,
  other_processing: /\(六\)其他处理$|^其他处理$/,
  total_processed: /\(七\)总计|七\)总计/,
  carried_forward: /结转下年|下年度继续|继续办理/,
};

const FUZZY_THRESHOLD = 0.6;

function bigrams(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < text.length; i += 1) out.push(text.slice(i, i + 2));
  return out;
}

/** Dice coefficient over character bigrams. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return 0;
  const pool = new Map<string, number>();
  for (const g of y) pool.set(g, (pool.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of x) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      shared += 1;
      pool.set(g, n - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

const OFFICIAL: readonly { key: Section3RowKey; label: string }[] = SECTION3_ROWS.map((r) => ({
  key: r.key,
  label: r.label.normalize("NFKC").replace(/^[\d.、]+|^\([一二三四五六七]\)|^[一二三四]、/g, ""),
}));

/** The rows a label names by keyword (usually one; a label run spanning rows may name several). */
export function rowsNamedBy(label: string): Set<Section3RowKey> {
  const found = new Set<Section3RowKey>();
  const text = label.replace(/\s+/g, "");
  if (text === "") return found;
  for (const [key, pattern] of Object.entries(SIGNATURES) as [Section3RowKey, RegExp][]) {
    if (pattern.test(text)) found.add(key);
  }
  if (found.size > 0 || text.length < 4 || text.length > 60) return found;
  let best: Section3RowKey | null = null;
  let bestScore = FUZZY_THRESHOLD;
  for (const { key, label: official } of OFFICIAL) {
    const score = similarity(text, official);
    if (score >= bestScore) {
      best = key;
      bestScore = score;
    }
  }
  if (best) found.add(best);
  return found;
}

/**
 * How strongly the text around a candidate names each row: its own line's label most, then the
 * label printed closest before it, then any other label since the previous row.
 */
export function labelWeights(before: string, inline: string): Map<Section3RowKey, number> {
  const weights = new Map<Section3RowKey, number>();
  for (const key of rowsNamedBy(inline)) weights.set(key, 2);
  if (weights.size > 0) return weights;
  const text = before.replace(/\s+/g, "");
  let closest: Section3RowKey | null = null;
  let closestAt = -1;
  for (const key of rowsNamedBy(text)) {
    weights.set(key, 0.5);
    const at = lastMatchIndex(SIGNATURES[key], text);
    if (at > closestAt) [closest, closestAt] = [key, at];
  }
  if (closest) weights.set(closest, 1.5);
  return weights;
}

function lastMatchIndex(pattern: RegExp, text: string): number {
  const global = new RegExp(pattern.source, "g");
  let last = -1;
  for (const m of text.matchAll(global)) last = m.index;
  return last;
}

/** Evidence of the layout of （六）: the three split rows, the single row, or neither. */
export function layoutEvidence(regionText: string): "split" | "single" | null {
  const text = regionText.replace(/\s+/g, "");
  if (/不补正|逾期不补|缴纳费用|收费通知/.test(text)) return "split";
  if (/其他处理/.test(text)) return "single";
  return null;
}
