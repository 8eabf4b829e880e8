/**
 * A PDF written byte by byte for tests: text in a Chinese font that is not embedded (STSong-Light
 * through the UniGB-UCS2-H CMap, as many government PDFs are) or in Helvetica, and filled
 * rectangles (table borders). Reading it needs pdf.js's CMaps, so it also tests that they are found.
 */

interface HandmadeText {
  str: string;
  x: number;
  y: number;
  size?: number;
}

export interface HandmadeRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface HandmadePage {
  texts?: HandmadeText[];
  rects?: HandmadeRect[];
}

const isAscii = (str: string) => /^[\x20-\x7e]*$/.test(str);

function ucs2Hex(str: string): string {
  return [...str].map((char) => char.charCodeAt(0).toString(16).padStart(4, "0")).join("");
}

function contentStream(page: HandmadePage): string {
  const texts = (page.texts ?? []).map(({ str, x, y, size = 12 }) =>
    isAscii(str)
      ? `BT /F2 ${size} Tf ${x} ${y} Td (${str.replace(/[\\()]/g, "\\$&")}) Tj ET`
      : `BT /F1 ${size} Tf ${x} ${y} Td <${ucs2Hex(str)}> Tj ET`,
  );
  const rects = (page.rects ?? []).map((r) => `${r.x} ${r.y} ${r.width} ${r.height} re f`);
  return ["0 0 0 rg", ...rects, ...texts].join("\n");
}

/** The bytes of a PDF of A4 pages holding the given text runs and rectangles. */
export function handmadePdf(pages: readonly HandmadePage[]): Uint8Array {
  const fonts = [
    "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>",
    "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 5 0 R /DW 1000 >>",
    "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  // Objects 1 and 2 are the catalog and the page tree; 3–6 the fonts; then a page and its content each.
  const first = 3 + fonts.length;
  const kids = pages.map((_, i) => `${first + 2 * i} 0 R`).join(" ");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`,
    ...fonts,
    ...pages.flatMap((page, i) => {
      const stream = contentStream(page);
      return [
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 6 0 R >> >> /Contents ${first + 2 * i + 1} 0 R >>`,
        `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
      ];
    }),
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Every character above is ASCII: string length and byte offsets agree.
  return new TextEncoder().encode(pdf);
}
