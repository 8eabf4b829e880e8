import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const FIXTURES = new URL("../../../shared/fixtures/reports/", import.meta.url).pathname;

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
  it("loads reports into the local D1, creating missing agencies under the one named, and reports each failure", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const persist = mkdtempSync(join(tmpdir(), "nianbao-import-"));
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
