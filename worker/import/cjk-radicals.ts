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
  "⺦": "丬",
  "⺅": "亻",
  "⺉": "刂",
  "⺐": "尢",
  "⺒": "巳",
  "⺓": "幺",
  "⺕": "彐",
  "⺖": "忄",
  "⺘": "扌",
  "⺙": "攵",
  "⺡": "氵",
  "⺣": "灬",
  "⺨": "犭",
  "⺭": "礻",
  "⺰": "纟",
  "⺺": "肀",
  "⺾": "艹",
  "⻂": "衤",
  "⻆": "角",
  "⻈": "讠",
  "⻌": "辶",
  "⻐": "钅",
  "⻖": "阝",
  "⻙": "韦",
  "⻠": "饣",
  "⻤": "鬼",
  "⻪": "黾",
};

/**
 * Characters outside the radical blocks that the same PDFs print for others: a shared glyph of
 * Chromium's PDF font (戶 for 户: 用戶 breaks 用户数), and dashes a cell means as a dash.
 */
const LOOKALIKES: Readonly<Record<string, string>> = {
  戶: "户",
  㬵: "胶",
  "‒": "–",
  "〜": "～",
};

/** The text with Kangxi radicals (by their compatibility mapping), the radicals and look-alikes above as characters. */
export function normalizeRadicals(text: string): string {
  return text.replace(/[\u2e80-\u2eff\u2f00-\u2fdf\u6236\u3b35\u2012\u301c]/g, (char) => {
    // ⼾ (a Kangxi radical) folds to 戶, itself a look-alike of 户.
    const read = SUPPLEMENT[char] ?? char.normalize("NFKC");
    return LOOKALIKES[read] ?? read;
  });
}
