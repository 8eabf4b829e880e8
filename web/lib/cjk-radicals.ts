/**
 * Some PDFs map their Chinese glyphs to the radical code points instead of the characters
 * (Chromium's "print to PDF" of a report's web page does: "⼈⺠政府" for 人民政府), and so does
 * text copied out of them. A report never means a radical, so they are read as the characters.
 */

// The CJK Radicals Supplement has no compatibility mappings for these; each is drawn exactly as the
// character it stands for.
const SUPPLEMENT: Readonly<Record<string, string>> = {
  "⺠": "民",
  "⻄": "西",
  "⻘": "青",
  "⻩": "黄",
  "⻝": "食",
  "⻢": "马",
  "⻣": "骨",
  "⻑": "長",
  "⻓": "长",
  "⻔": "门",
  "⻚": "页",
  "⻛": "风",
  "⻜": "飞",
  "⻥": "鱼",
  "⻦": "鸟",
  "⻧": "卤",
  "⻨": "麦",
  "⻬": "齐",
  "⻮": "齿",
  "⻰": "龙",
  "⻅": "见",
  "⻉": "贝",
  "⻋": "车",
};

/** The text with Kangxi radicals (by their compatibility mapping) and the radicals above as characters. */
export function normalizeRadicals(text: string): string {
  return text.replace(
    /[\u2e80-\u2eff\u2f00-\u2fdf]/g,
    (char) => SUPPLEMENT[char] ?? char.normalize("NFKC"),
  );
}
