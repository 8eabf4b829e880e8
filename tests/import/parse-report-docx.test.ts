import { strToU8, unzipSync, zipSync } from "fflate";
import { DomUtils, parseDocument } from "htmlparser2";
import { isTag, type Element } from "domhandler";
import { describe, expect, it } from "vitest";
import {
  DocxImportError,
  docxToHtml,
  isDocxFile,
  isLegacyWordFile,
} from "../../worker/import/docx-to-html";
import { parseReportHtml } from "../../worker/import/html/parse-report-html";
import { expectedAgency, mismatchedCells } from "./renderings/compare";
import { renderingModel, type RenderingModel, type TableCell } from "./renderings/fixture-model";
import { renderDocx } from "./renderings/render-docx";
import { reportFixtureNames, readReportFixture } from "./report-fixtures";

const OLE2_HEADER = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The first sector of a compound file, as a .doc or .wps starts. */
function ole2File(...streamNames: string[]): Uint8Array {
  const bytes = new Uint8Array(1024);
  bytes.set(OLE2_HEADER);
  let at = 512;
  for (const name of streamNames) {
    for (const c of name) {
      bytes[at] = c.charCodeAt(0);
      at += 2;
    }
    at += 2;
  }
  return bytes;
}

interface HtmlCell {
  text: string;
  rowspan: number;
  colspan: number;
}

function htmlTables(html: string): HtmlCell[][][] {
  const document = parseDocument(html);
  const byTag = (tag: string, node: Element) =>
    DomUtils.getElementsByTagName(tag, node.children, true);
  return DomUtils.getElementsByTagName("table", document.children, true).map((table) =>
    byTag("tr", table).map((row) =>
      row.children
        .filter((c): c is Element => isTag(c) && (c.name === "td" || c.name === "th"))
        .map((cell) => ({
          text: byTag("p", cell)
            .map((p) => DomUtils.textContent(p))
            .join("\n"),
          rowspan: Number(cell.attribs.rowspan ?? 1),
          colspan: Number(cell.attribs.colspan ?? 1),
        })),
    ),
  );
}

function modelTables(model: RenderingModel): HtmlCell[][][] {
  return model.blocks.flatMap((block) =>
    block.kind === "table"
      ? [
          block.rows.map((row) =>
            row.map((cell: TableCell) => ({
              text: cell.text,
              rowspan: cell.rowspan ?? 1,
              colspan: cell.colspan ?? 1,
            })),
          ),
        ]
      : [],
  );
}

/** The texts of the w:t elements of a rendered document, in order. */
function wordTexts(docx: Uint8Array): string[] {
  const xml = new TextDecoder().decode(unzipSync(docx)["word/document.xml"]);
  return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? "");
}

async function rejection(promise: Promise<unknown>): Promise<DocxImportError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof DocxImportError)) {
    throw new Error(`expected a DocxImportError, got ${String(outcome)}`);
  }
  return outcome;
}

describe.each(reportFixtureNames())("importing %s from a Word file", (name) => {
  const fixture = readReportFixture(name);
  const model = renderingModel(fixture);
  const docx = renderDocx(model);
  const converted = docxToHtml(docx);

  it("keeps every table as laid out: each cell, its rowspan and colspan, blanks empty", async () => {
    expect(htmlTables(await converted)).toEqual(modelTables(model));
  });

  it("reads every table cell and metric of the transcription", async () => {
    const result = parseReportHtml(await converted);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message_en}`);
    expect(mismatchedCells(fixture.expected, result.document)).toEqual([]);
    expect(result.year).toBe(fixture.expected.year);
    expect(result.document.template).toBe(fixture.expected.template);
    expect(result.agency).toBe(expectedAgency(fixture.expected));
  });
});

describe("the Word rendering", () => {
  it("splits numbers across runs as Word does, and mammoth joins them again", async () => {
    const docx = renderDocx({
      title: "",
      agency: null,
      year: 2023,
      blocks: [{ kind: "paragraph", text: "全年共受理申请2023件，办结95件。" }],
    });
    const texts = wordTexts(docx);
    expect(texts).toEqual(expect.arrayContaining(["20", "23", "9", "5"]));
    expect(texts.join("")).toBe("全年共受理申请2023件，办结95件。");
    expect(await docxToHtml(docx)).toBe("<p>全年共受理申请2023件，办结95件。</p>");
  });
});

describe("telling Word files apart", () => {
  const docx = renderDocx({ title: "报告", agency: null, year: 2023, blocks: [] });

  it("recognises a .doc or .wps by its compound-file header", () => {
    expect(isLegacyWordFile(ole2File("WordDocument").subarray(0, 8))).toBe(true);
    expect(isLegacyWordFile(docx)).toBe(false);
    expect(isLegacyWordFile(strToU8("<html>"))).toBe(false);
  });

  it("recognises a .docx as a zip holding word/document.xml, and no other zip", () => {
    expect(isDocxFile(docx)).toBe(true);
    const workbook = zipSync({ "xl/workbook.xml": strToU8("<workbook/>") });
    expect(isDocxFile(workbook)).toBe(false);
    expect(isDocxFile(ole2File("WordDocument"))).toBe(false);
  });

  it("tells the user to save a .doc or .wps as .docx or PDF", async () => {
    const error = await rejection(docxToHtml(ole2File("WordDocument")));
    expect(error.code).toBe("legacy_word");
    expect(error.message).toContain("请另存为 .docx 或 PDF 后再导入");
  });

  it("tells a password-protected .docx from a .doc", async () => {
    const error = await rejection(docxToHtml(ole2File("EncryptedInfo", "EncryptedPackage")));
    expect(error.code).toBe("encrypted_docx");
    expect(error.message).toContain("密码");
  });

  it("refuses a zip that is not a Word document", async () => {
    const workbook = zipSync({ "xl/workbook.xml": strToU8("<workbook/>") });
    expect((await rejection(docxToHtml(workbook))).code).toBe("not_docx");
  });
});

describe("damaged .docx files", () => {
  const docx = renderDocx(renderingModel(readReportFixture("05_shanghai_shizhengfu_bgt_2019")));

  it("rejects a file cut short with a clear error, not a hang", async () => {
    const error = await rejection(docxToHtml(docx.slice(0, Math.floor(docx.length / 2))));
    expect(error.code).toBe("docx_unreadable");
    expect(error.message).toContain("另存为 .docx 或 PDF");
  });

  it("rejects a file whose compressed data is garbled", async () => {
    const garbled = docx.slice();
    garbled.fill(0xff, 3000, 3064);
    expect((await rejection(docxToHtml(garbled))).code).toBe("docx_unreadable");
  });
});

describe("the bytes docxToHtml takes", () => {
  const docx = renderDocx({
    title: "",
    agency: null,
    year: 2023,
    blocks: [{ kind: "paragraph", text: "正文" }],
  });

  it("reads an ArrayBuffer", async () => {
    expect(await docxToHtml(docx.slice().buffer)).toBe("<p>正文</p>");
  });

  it("reads a view into a larger buffer, only its own bytes", async () => {
    const larger = new Uint8Array(docx.length + 20);
    larger.set(docx, 10);
    expect(await docxToHtml(larger.subarray(10, 10 + docx.length))).toBe("<p>正文</p>");
  });
});
