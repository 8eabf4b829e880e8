import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeHtml } from "../../worker/import/html/decode-html";
import { parseReportHtml } from "../../worker/import/html/parse-report-html";
import { pageText } from "../../worker/import/html/page-text";

const FIXTURES = new URL("../../../shared/fixtures/reports/", import.meta.url);
const SAVED_PAGE = "24_shuyang_fgj_2023";

function savedPage(): string {
  return decodeHtml(new Uint8Array(readFileSync(new URL(`${SAVED_PAGE}.html`, FIXTURES))));
}

function expected(): Record<string, Record<string, unknown>> {
  return JSON.parse(
    readFileSync(new URL(`${SAVED_PAGE}.expected.json`, FIXTURES), "utf8"),
  ) as Record<string, Record<string, unknown>>;
}

function ok(result: ReturnType<typeof parseReportHtml>) {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message_en}`);
  return result;
}

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe("fixture 24, the saved page of 沭阳县发展和改革局", () => {
  const result = ok(parseReportHtml(savedPage()));
  const want = expected();

  it("reads every cell of the three tables, blanks as null in their own columns", () => {
    expect(result.document.section2).toEqual(want.section2);
    expect(result.document.section3?.rows).toEqual((want.section3 as { rows: unknown }).rows);
    expect(result.document.section4).toEqual(want.section4);
    expect(result.document.metrics).toEqual(want.metrics ?? {});
  });

  it("names the year, template and agency", () => {
    expect(result.year).toBe(2023);
    expect(result.document.template).toBe("2021");
    expect(result.agency).toBe("沭阳县发展和改革局");
  });

  it("leaves the site's menus, metadata table and footer out of the text it reads", () => {
    const text = result.sourceText ?? "";
    expect(text.split("\n")[0]).toBe("沭阳县发展和改革局2023年政府信息公开年度报告");
    expect(text).not.toContain("索引号");
    expect(text).not.toContain("网站地图");
    expect(text.trimEnd().endsWith("2024年1月17日")).toBe(true);
  });

  it("cites lines of the text it read", () => {
    const lines = (result.sourceText ?? "").split("\n");
    const at = result.provenance["section3.new_received.total"];
    expect(at && lines[at.line - 1]).toBe(at?.text);
    expect(at?.text).toContain("本年新收");
  });
});

describe("pages in other encodings and containers", () => {
  const page = (charsetMeta: string, body: string) =>
    `<html><head>${charsetMeta}<title>某县2023年政府信息公开工作年度报告</title></head><body><p>${body}</p></body></html>`;

  it("reads a GBK page whose meta declares gb2312", () => {
    const html = page(
      '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
      "一、总体情况",
    );
    const bytes = gbk(html);
    expect(decodeHtml(bytes)).toContain("某县2023年政府信息公开工作年度报告");
  });

  it("reads a GBK page that declares nothing", () => {
    expect(decodeHtml(gbk(page("", "一、总体情况")))).toContain("一、总体情况");
  });

  it("reads a UTF-8 page with a byte-order mark", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(page("", "正文"))]);
    expect(decodeHtml(bytes).startsWith("<html>")).toBe(true);
  });

  it("reads the HTML part of an MHTML archive, quoted-printable or base64", () => {
    const html = page('<meta charset="utf-8">', "二〇二三年");
    const utf8 = new TextEncoder().encode(html);
    const qp = Array.from(utf8, (b) =>
      b > 126 || b === 61
        ? `=${b.toString(16).toUpperCase().padStart(2, "0")}`
        : String.fromCharCode(b),
    ).join("");
    const b64 = btoa(String.fromCharCode(...utf8));
    for (const [encoding, body] of [
      ["quoted-printable", qp],
      ["base64", b64],
    ] as const) {
      const archive = [
        "From: <Saved by Blink>",
        "MIME-Version: 1.0",
        'Content-Type: multipart/related; type="text/html"; boundary="----B"',
        "",
        "------B",
        'Content-Type: text/html; charset="utf-8"',
        `Content-Transfer-Encoding: ${encoding}`,
        "Content-Location: http://example.gov.cn/a.html",
        "",
        body,
        "------B--",
      ].join("\r\n");
      expect(decodeHtml(latin1(archive))).toBe(html);
    }
  });
});

describe("the page's own statements about the report", () => {
  const article = (
    title: string,
    metadata: string,
    body: string,
  ) => `<html><head><title>${title}</title>
    <meta name="ContentSource" content="某某县水利局"></head><body>
    <div class="nav"><a href="/">首页</a> <a>政府信息公开</a></div>
    <form><input name="q"><button>搜索</button></form>
    ${metadata}
    <div class="article">${body}</div>
    <div class="links"><p>相关链接</p><ul><li><a>2022年政府信息公开工作年度报告</a></li></ul><p>版权所有：某某县人民政府</p></div>
    </body></html>`;
  const overview =
    "<p>一、总体情况</p><p>2023年，我局坚持以人民为中心。</p><p>二、主动公开政府信息情况</p>";

  it("takes the year from paragraphs opening 2023年, and the agency from 发布机构", () => {
    const result = ok(parseReportHtml(article("信息公开", "", overview)));
    expect(result.year).toBe(2023);
    expect(result.agency).toBe("某某县水利局");
    expect(result.warnings.map((w) => w.code)).toContain("agency_from_page");
  });

  it("takes the year from a body sentence naming the report", () => {
    const body =
      "<p>现将2023年度政府信息公开工作报告公布如下。</p>" + overview.replace("2023年，", "今年，");
    expect(ok(parseReportHtml(article("信息公开", "", body))).year).toBe(2023);
  });

  it("falls back to the year before 公开日期, and says so", () => {
    const metadata = `<table><tr><td>索引号</td><td>001/2024-1</td><td>公开日期</td><td>2024-01-20</td></tr>
      <tr><td>发布机构</td><td>某某县水利局</td><td>名称</td><td>年度报告</td></tr></table>`;
    const body = overview.replace("2023年，", "今年，");
    const result = ok(parseReportHtml(article("信息公开", metadata, body)));
    expect(result.year).toBe(2023);
    expect(result.warnings.map((w) => w.code)).toContain("year_from_publication_date");
    expect(result.sourceText).not.toContain("索引号");
  });

  it("warns, naming both, when the title and the page's publisher disagree", () => {
    const body = "<h1>某某县交通运输局2023年政府信息公开工作年度报告</h1>" + overview;
    const result = ok(parseReportHtml(article("x", "", body)));
    expect(result.agency).toBe("某某县交通运输局");
    const conflict = result.warnings.find((w) => w.code === "agency_conflict");
    expect(conflict?.message).toContain("某某县交通运输局");
    expect(conflict?.message).toContain("某某县水利局");
  });

  it("keeps a number split across runs whole and drops the site's links", () => {
    const body = `<h1>某某县水利局2023年政府信息公开工作年度报告</h1><p>一、总体情况</p>
      <p><span>全年门户网站访问量</span><span>12</span><span>3</span><span>4次。</span></p>`;
    const text = pageText(article("x", "", body)).text;
    expect(text).toContain("全年门户网站访问量1234次。");
    expect(text).not.toContain("相关链接");
    expect(text).not.toContain("搜索");
  });
});

/** GBK bytes for the few characters these tests use, from the decoder's own table. */
function gbk(text: string): Uint8Array {
  const decoder = new TextDecoder("gb18030");
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi += 1) {
    for (let lo = 0x40; lo <= 0xfe; lo += 1) {
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else out.push(...(table.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(out);
}
