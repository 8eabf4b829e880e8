import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const FIXTURES = new URL("../../../shared/fixtures/reports/", import.meta.url).pathname;

/** A local D1 in `persist` with the migrations applied, and `wrangler d1 …` against it. */
function localD1(persist: string) {
  const env = { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" };
  const wrangler = (...args: string[]) =>
    execFileSync(
      "node_modules/.bin/wrangler",
      ["d1", ...args, "--local", "--persist-to", persist],
      {
        encoding: "utf8",
        env,
      },
    );
  wrangler("migrations", "apply", "DB");
  return { env, wrangler };
}

describe("npm run import -- --json", () => {
  it("prints only the canonical document of each file on stdout, one JSON object per line", () => {
    const stdout = execFileSync(
      "node_modules/.bin/tsx",
      [
        "scripts/import.ts",
        "--json",
        `${FIXTURES}00_luoyang_shi_bgs_2022.txt`,
        `${FIXTURES}01_huaian_shi_2024.txt`,
      ],
      { encoding: "utf8" },
    );
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    const [luoyang, huaian] = lines.map((line) => JSON.parse(line));
    expect(luoyang).toMatchObject({ template: "2021", year: 2022 });
    expect(luoyang.section4.reconsideration).toEqual([2, 0, 1, 0, 3]);
    expect(huaian.section2.punishment_decisions).toBe(3985758);
  }, 60_000);
});

describe("npm run import (loading)", () => {
  it("loads reports into the local D1, creating missing agencies under the one named, and reports each failure", () => {
    const persist = mkdtempSync(join(tmpdir(), "nianbao-import-"));
    const { env, wrangler } = localD1(persist);
    wrangler(
      "execute",
      "DB",
      "--command",
      "INSERT INTO agencies (id, name, level, kind, scope, parent_id, region_code, path, created_at, updated_at) VALUES (1, '洛阳市人民政府', 'city', 'government', 'region', NULL, '410300', '/1/', '2026-01-01', '2026-01-01')",
    );
    const junk = join(persist, "junk.txt");
    writeFileSync(junk, "这不是年报");

    let stdout = "";
    try {
      execFileSync(
        "node_modules/.bin/tsx",
        [
          "scripts/import.ts",
          `${FIXTURES}00_luoyang_shi_bgs_2022.txt`,
          junk,
          "--create-under",
          "1",
          "--persist-to",
          persist,
        ],
        { encoding: "utf8", env },
      );
    } catch (error) {
      // One file fails, so the command exits 1 after loading the other.
      stdout = (error as { stdout: string }).stdout;
    }
    expect(stdout).toContain("导入 1 份，导入但有勾稽问题 0 份，失败 1 份");
    expect(stdout).toContain("新建机构 1 个");
    expect(stdout).toContain("junk.txt");
    const rows = JSON.parse(
      wrangler(
        "execute",
        "DB",
        "--json",
        "--command",
        "SELECT a.name, a.level, a.kind, a.scope, a.region_code, r.year FROM reports r JOIN agencies a ON a.id = r.agency_id",
      ),
    )[0].results;
    expect(rows).toEqual([
      {
        name: "洛阳市人民政府办公室",
        level: "city",
        kind: "department",
        scope: "self",
        region_code: "410300",
        year: 2022,
      },
    ]);
  }, 120_000);
});

describe("npm run import: a mixed archive of pages, Word files and texts", () => {
  const env = { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" };
  const tsx = (args: string[]) => {
    try {
      return {
        stdout: execFileSync("node_modules/.bin/tsx", args, { encoding: "utf8", env }),
        code: 0,
      };
    } catch (error) {
      const failed = error as { stdout: string; status: number };
      return { stdout: failed.stdout, code: failed.status };
    }
  };

  it("prints a saved page's document with --json as it prints a text's", () => {
    const page = tsx(["scripts/import.ts", "--json", `${FIXTURES}24_shuyang_fgj_2023.html`]);
    const lines = page.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const document = JSON.parse(lines[0]!);
    const expected = JSON.parse(
      readFileSync(`${FIXTURES}24_shuyang_fgj_2023.expected.json`, "utf8"),
    );
    expect(document).toMatchObject({ template: "2021", year: 2023, agency: "沭阳县发展和改革局" });
    expect(document.section3.rows).toEqual(expected.section3.rows);
    expect(document.section4).toEqual(expected.section4);
  }, 60_000);

  it("reads each format, matches agencies by their other spellings, keeps one of duplicates and refuses what does not fit", async () => {
    const { renderDocx } = await import("../import/renderings/render-docx");
    const { renderingModel } = await import("../import/renderings/fixture-model");
    const { readReportFixture } = await import("../import/report-fixtures");
    const persist = mkdtempSync(join(tmpdir(), "nianbao-import-"));
    const archive = mkdtempSync(join(tmpdir(), "nianbao-archive-"));
    const { wrangler } = localD1(persist);
    wrangler(
      "execute",
      "DB",
      "--command",
      "INSERT INTO agencies (id, name, level, kind, scope, parent_id, region_code, path, created_at, updated_at) VALUES " +
        "(1, '江苏省沭阳县发改局', 'county', 'department', 'self', NULL, '321322', '/1/', '2026-01-01', '2026-01-01'), " +
        "(2, '洛阳市政府办', 'city', 'department', 'self', NULL, '410300', '/2/', '2026-01-01', '2026-01-01'), " +
        "(3, '淮安市人民政府', 'city', 'government', 'region', NULL, '320800', '/3/', '2026-01-01', '2026-01-01')",
    );
    writeFileSync(
      join(archive, "a-page.html"),
      readFileSync(`${FIXTURES}24_shuyang_fgj_2023.html`),
    );
    writeFileSync(
      join(archive, "b-same-page.htm"),
      readFileSync(`${FIXTURES}24_shuyang_fgj_2023.html`),
    );
    writeFileSync(
      join(archive, "c-luoyang.txt"),
      readFileSync(`${FIXTURES}00_luoyang_shi_bgs_2022.txt`),
    );
    writeFileSync(
      join(archive, "d-huaian.docx"),
      renderDocx(renderingModel(readReportFixture("01_huaian_shi_2024"))),
    );
    writeFileSync(
      join(archive, "e-old.doc"),
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]),
    );
    writeFileSync(join(archive, "logo.png"), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));

    const run = tsx(["scripts/import.ts", archive, "--persist-to", persist]);
    expect(run.code).toBe(1);
    const line = (name: string) => run.stdout.split("\n").find((l) => l.includes(name)) ?? "";
    expect(run.stdout).toContain("导入 3 份，导入但有勾稽问题 0 份，失败 1 份，重复未导入 1 份");
    expect(line("a-page.html")).toMatch(
      /✓ .* · 网页 · 沭阳县发展和改革局 2023 · 把握：高 · 按「沭阳县发展和改革局」匹配到机构 1/,
    );
    expect(line("b-same-page.htm")).toContain("与");
    expect(line("b-same-page.htm")).toContain("重复，未导入");
    expect(line("c-luoyang.txt")).toMatch(/✓ .* · 文本 · 洛阳市人民政府办公室 2022/);
    expect(line("d-huaian.docx")).toMatch(/✓ .* · Word 文档 · 淮安市人民政府 2024/);
    expect(line("e-old.doc")).toContain("请另存为 .docx 或 PDF");
    expect(run.stdout).not.toContain("logo.png");

    const rows = JSON.parse(
      wrangler(
        "execute",
        "DB",
        "--json",
        "--command",
        "SELECT agency_id, year FROM reports ORDER BY agency_id",
      ),
    )[0].results;
    expect(rows).toEqual([
      { agency_id: 1, year: 2023 },
      { agency_id: 2, year: 2022 },
      { agency_id: 3, year: 2024 },
    ]);

    // --agency names the agency every file is for: a report of another agency is refused.
    const refused = tsx([
      "scripts/import.ts",
      `${FIXTURES}00_luoyang_shi_bgs_2022.txt`,
      "--agency",
      "3",
      "--persist-to",
      persist,
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(
      "文本是「洛阳市人民政府办公室」的报告，与 --agency 指定的「淮安市人民政府」不符，未导入",
    );
    const after = JSON.parse(
      wrangler(
        "execute",
        "DB",
        "--json",
        "--command",
        "SELECT count(*) AS n FROM report_revisions",
      ),
    )[0].results;
    expect(after).toEqual([{ n: 3 }]);
  }, 180_000);
});

describe("npm run import -- --json over an archive of every fixture in every format", () => {
  it("prints each file's document with every figure of its expected.json", async () => {
    const { renderDocx } = await import("../import/renderings/render-docx");
    const { renderingModel } = await import("../import/renderings/fixture-model");
    const { HTML_STYLES, renderHtmlBytes } = await import("../import/renderings/render-html");
    const { allReportFixtures } = await import("../import/report-fixtures");
    const { mismatchedCells } = await import("../import/renderings/compare");
    const archive = mkdtempSync(join(tmpdir(), "nianbao-every-format-"));
    const expected = new Map<string, Record<string, unknown>>();
    allReportFixtures().forEach((fixture, i) => {
      const model = renderingModel(fixture);
      const style = HTML_STYLES[i % HTML_STYLES.length]!;
      const files: [string, Uint8Array | string][] = [
        [`${fixture.name}.txt`, fixture.text],
        [`${fixture.name}.${style}.html`, renderHtmlBytes(model, style)],
        [`${fixture.name}.docx`, renderDocx(model)],
      ];
      for (const [name, content] of files) {
        writeFileSync(join(archive, name), content);
        expected.set(name, fixture.expected);
      }
    });
    const stdout = execFileSync("node_modules/.bin/tsx", ["scripts/import.ts", "--json", archive], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    const documents = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    // One document per file, in the archive's sorted order (nothing failed: nothing is left out).
    const names = [...expected.keys()].sort();
    expect(documents).toHaveLength(names.length);
    const mismatches = names.flatMap((name, i) =>
      mismatchedCells(expected.get(name)!, documents[i]).map((cell) => `${name} ${cell.join(" ")}`),
    );
    expect(mismatches).toEqual([]);
  }, 120_000);
});
