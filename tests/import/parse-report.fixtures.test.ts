import { describe, expect, it } from "vitest";
import { parseReportText, type ParseResult } from "../../worker/import/parse-report";
import { reportDocumentSchema } from "../../worker/report/document";
import { isFigureKey } from "../../worker/report/figures";
import { SECTION3_COLUMN_KEYS } from "../../worker/report/templates";
import { reportFixtureNames, readReportFixture } from "./report-fixtures";
import { expectedAgency, mismatchedCells } from "./renderings/compare";

type Ok = Extract<ParseResult, { ok: true }>;

function parsed(name: string): Ok {
  const result = parseReportText(readReportFixture(name).text);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message_en}`);
  return result;
}

describe.each(reportFixtureNames())("importing %s", (name) => {
  const fixture = readReportFixture(name);
  const result = parsed(name);

  it("yields a document the canonical schema accepts", () => {
    expect(reportDocumentSchema.safeParse(result.document).success).toBe(true);
  });

  it("reads every table cell and metric of the transcription as printed", () => {
    expect(mismatchedCells(fixture.expected, result.document)).toEqual([]);
  });

  it("reads the report's year and template", () => {
    expect(result.year).toBe(fixture.expected.year);
    expect(result.document.year).toBe(fixture.expected.year);
    expect(result.document.template).toBe(fixture.expected.template);
  });

  it("names the agency as the transcription does, or nobody when the text does not", () => {
    expect(result.agency).toBe(expectedAgency(fixture.expected));
  });

  it("says where each table figure was read: the cited line prints it", () => {
    for (const [key, at] of Object.entries(result.provenance)) {
      expect(key === "year" || key === "agency" || isFigureKey(key)).toBe(true);
      expect(at.line).toBeGreaterThan(0);
      expect(fixture.text.split(/\r\n|\r|\n/)[at.line - 1]).toBe(at.text);
    }
    const rows = result.document.section3?.rows ?? {};
    for (const [row, cells] of Object.entries(rows)) {
      cells.forEach((value, i) => {
        if (value === null) return;
        const at = result.provenance[`section3.${row}.${SECTION3_COLUMN_KEYS[i] ?? ""}`];
        expect(at?.text.normalize("NFKC")).toContain(String(value));
      });
    }
  });
});

describe("partial texts", () => {
  it("reads the rows of table 三 that fixture 11 shows and stops where its text is cut", () => {
    const result = parsed("11_longgang_qu_bumen_2024");
    const rows = result.document.section3?.rows ?? {};
    expect(rows.denied_process_info).toEqual([0, 0, 0, 0, 0, 0, 0]);
    // Row 7 is cut after six cells: kept with its lost cell blank, and said so.
    expect(rows.denied_enforcement_file).toEqual([0, 0, 0, 0, 0, 0, null]);
    expect(rows.denied_administrative_query).toBeUndefined();
    expect(rows.carried_forward).toBeUndefined();
    expect(result.document.section4).toBeUndefined();
    const codes = result.warnings.map((w) => w.code);
    expect(codes).toContain("row_short");
    expect(codes).toContain("table3_incomplete");
  });

  it("reads the first rows of table 二 that fixture 13 shows and leaves the rest blank", () => {
    const result = parsed("13_laifeng_zwfwj_2021");
    const section2 = result.document.template === "2021" ? result.document.section2 : null;
    expect(section2?.regulations).toEqual({ made: 0, repealed: 0, valid: 0 });
    expect(section2?.normative_documents).toEqual({ made: 0, repealed: 0, valid: 0 });
    expect(section2?.licensing_decisions).toBeNull();
    expect(section2?.fees_wan_yuan).toBeNull();
    expect(result.warnings.filter((w) => w.code === "row_missing")).toHaveLength(4);
  });

  it("does not take a narrative 0元 for table 二's fee (fixture 09)", () => {
    const result = parsed("09_hainan_sthjt_2022");
    expect(result.document.section2).toBeUndefined();
    expect(result.document.metrics?.fee_collected_yuan).toBeUndefined();
  });
});

describe("what the importer flags", () => {
  it("keeps the 2019 report's blank cells null and warns once per row with blanks", () => {
    const result = parsed("05_shanghai_shizhengfu_bgt_2019");
    const blankRows = result.warnings.filter((w) => w.code === "blank_cell").map((w) => w.path);
    expect(blankRows).toContain("section3.granted");
    expect(blankRows).toContain("section4.litigation_after_reconsideration");
    expect(new Set(blankRows).size).toBe(blankRows.length);
  });

  it("keeps fixture 22's lost 结转 total null, ignores the stray number, and R2 shows the gap", () => {
    const result = parsed("22_shanghai_kewei_2024");
    expect(result.document.section3?.rows.carried_forward).toEqual([1, 0, 0, 0, 0, 0, null]);
    expect(result.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(["stray_numbers", "blank_cell", "agency_short_form"]),
    );
    expect(result.findings.some((f) => f.rule === "R2" && f.column === "total")).toBe(true);
  });

  it("flags approximate metrics and keeps every metric as printed", () => {
    const result = parsed("00_luoyang_shi_bgs_2022");
    const notes = result.document.metric_notes ?? {};
    expect(notes.website_visits).toEqual({ as_printed: "582万次", definition: "点击量" });
    expect(notes.training_person_times).toEqual({ as_printed: "400余人次", approximate: true });
    for (const key of Object.keys(result.document.metrics ?? {})) {
      expect(notes[key as keyof typeof notes]?.as_printed).toBeTruthy();
    }
    expect(
      parsed("05_shanghai_shizhengfu_bgt_2019").document.metric_notes?.wechat_followers,
    ).toEqual({
      as_printed: "突破550万",
      approximate: true,
    });
  });

  it("passes the findings of checkReport through: none for a clean report", () => {
    expect(parsed("00_luoyang_shi_bgs_2022").findings).toEqual([]);
    expect(parsed("01_huaian_shi_2024").findings).toEqual([]);
  });
});
