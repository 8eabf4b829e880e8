/**
 * A rendering model as Microsoft Word's "Save as web page" writes it (and as CMS editors keep it
 * when a Word document is pasted): MsoNormal paragraphs of styled runs, `<font face>`, `<o:p>`,
 * numbers split across runs (20</span><span>23), vertical labels one character per line, a blank
 * cell as an empty paragraph or a bare `&nbsp;`.
 */

import type { Block, RenderingModel, TableCell } from "./fixture-model";
import { escapeHtml, pageTitle, spanAttributes } from "./plain-markup";

const BODY_FONT = "仿宋_GB2312";
const HEADING_FONT = "黑体";
const TITLE_FONT = "方正小标宋简体";
const LATIN_RUN = `<span\nlang=EN-US style='font-family:"Times New Roman";mso-fareast-font-family:${BODY_FONT}'>`;

/** Text → Word runs: Chinese in <font face> runs cut at commas, Latin and digits in their own. */
function runs(text: string, font: string): string {
  const tokens = text.match(/\d+|[A-Za-z]+|[^\dA-Za-z]+/g) ?? [];
  return tokens
    .map((token) => {
      if (/^\d+$/.test(token)) {
        // Word ends a run wherever an edit or a proofing mark fell, even inside a number.
        const cut = Math.ceil(token.length / 2);
        const parts = token.length > 1 ? [token.slice(0, cut), token.slice(cut)] : [token];
        return parts.map((part) => `${LATIN_RUN}${part}</span>`).join("");
      }
      if (/^[A-Za-z]+$/.test(token)) return `${LATIN_RUN}${escapeHtml(token)}</span>`;
      return token
        .split(/(?<=[，、])/)
        .map(
          (piece) =>
            `<span\nstyle='font-family:${font}'><font face=${font}>${escapeHtml(piece)}</font></span>`,
        )
        .join("");
    })
    .join("");
}

const END_OF_PARAGRAPH = "<span lang=EN-US><o:p></o:p></span>";

function paragraph(content: string, style: string, align = ""): string {
  return `<p class=MsoNormal${align} style='${style}'>${content}${END_OF_PARAGRAPH}</p>`;
}

const SPACER = "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>";

function wordBlockText(block: Block): string {
  switch (block.kind) {
    case "heading":
      return paragraph(
        `<b><span style='font-size:16.0pt;font-family:${HEADING_FONT}'>${runs(block.text, HEADING_FONT)}</span></b>`,
        "text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt",
      );
    case "paragraph":
      return paragraph(
        `<span lang=EN-US>&nbsp;&nbsp;&nbsp;&nbsp;</span>${runs(block.text, BODY_FONT)}`,
        "text-indent:32.0pt;line-height:28.0pt;mso-line-height-rule:exactly",
      );
    case "table":
      return wordTable(block.rows);
  }
}

const CELL_STYLE =
  "border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt";
const CENTRED = " align=center";
const CELL_PARAGRAPH_STYLE = "text-align:center;line-height:15.0pt";

/** A label as the printed form sets it: narrow merged cells one character per line, four-character headings over two lines. */
function labelContent(cell: TableCell): string {
  const chars = [...cell.text];
  if ((cell.rowspan ?? 1) > 1 && chars.length <= 10) {
    return paragraph(
      chars.map((c) => runs(c, BODY_FONT)).join("<br>"),
      CELL_PARAGRAPH_STYLE,
      CENTRED,
    );
  }
  if (chars.length === 4 && (cell.colspan ?? 1) === 1) {
    const half = [chars.slice(0, 2).join(""), chars.slice(2).join("")];
    return half
      .map((h) => paragraph(runs(h, BODY_FONT), CELL_PARAGRAPH_STYLE, CENTRED))
      .join("\n  ");
  }
  return paragraph(runs(cell.text, BODY_FONT), "line-height:15.0pt");
}

function wordCell(cell: TableCell, blankIndex: number): string {
  let content: string;
  if (cell.header) content = labelContent(cell);
  else if (cell.text !== "")
    content = paragraph(runs(cell.text, BODY_FONT), CELL_PARAGRAPH_STYLE, CENTRED);
  // Word leaves an empty paragraph; CMS editors often a bare non-breaking space.
  else
    content = blankIndex % 2 === 0 ? "<p class=MsoNormal align=center><o:p></o:p></p>" : "&nbsp;";
  return ` <td${spanAttributes(cell)} valign=center style='${CELL_STYLE}'>\n  ${content}\n  </td>`;
}

function wordTable(rows: readonly TableCell[][]): string {
  let blanks = 0;
  const body = rows.map((row, i) => {
    const cells = row.map((cell) => wordCell(cell, cell.header || cell.text !== "" ? 0 : blanks++));
    const first = i === 0 ? ";mso-yfti-firstrow:yes" : "";
    return `<tr style='mso-yfti-irow:${i}${first}'>\n${cells.join("\n")}\n</tr>`;
  });
  return [
    "<div align=center>",
    "<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0",
    " style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184'>",
    ...body,
    "</table>",
    "</div>",
  ].join("\n");
}

/** The document body as Word writes it, without <html>/<head>: for pasting into a CMS page. */
export function wordBody(model: RenderingModel): string {
  const title =
    model.title === ""
      ? []
      : [
          paragraph(
            `<b><span style='font-size:22.0pt;font-family:${TITLE_FONT}'>${runs(model.title, TITLE_FONT)}</span></b>`,
            "text-align:center;line-height:36.0pt",
            CENTRED,
          ),
          SPACER,
        ];
  return [
    "<div class=WordSection1 style='layout-grid:15.6pt'>",
    ...title,
    ...model.blocks.map(wordBlockText),
    SPACER,
    "</div>",
  ].join("\n");
}

export function wordPage(model: RenderingModel, charsetMeta: string): string {
  return [
    '<html xmlns:v="urn:schemas-microsoft-com:vml"',
    'xmlns:o="urn:schemas-microsoft-com:office:office"',
    'xmlns:w="urn:schemas-microsoft-com:office:word"',
    'xmlns="http://www.w3.org/TR/REC-html40">',
    "<head>",
    charsetMeta,
    "<meta name=ProgId content=Word.Document>",
    '<meta name=Generator content="Microsoft Word 15">',
    `<title>${escapeHtml(pageTitle(model))}</title>`,
    "<!--[if gte mso 9]><xml>",
    " <w:WordDocument>",
    "  <w:View>Print</w:View>",
    "  <w:SpellingState>Clean</w:SpellingState>",
    " </w:WordDocument>",
    "</xml><![endif]-->",
    "<style>",
    "<!--",
    ` p.MsoNormal {margin:0cm;text-align:justify;font-size:10.5pt;font-family:${BODY_FONT};}`,
    "-->",
    "</style>",
    "</head>",
    "<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>",
    wordBody(model),
    "</body>",
    "</html>",
  ]
    .filter((line) => line !== "")
    .join("\n");
}
