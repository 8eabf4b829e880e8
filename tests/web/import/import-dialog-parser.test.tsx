/** The dialog on the real parser (worker/import/parse-report.ts) and real published reports. */

import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { reportDocumentSchema, type ReportDocument } from "../../../worker/report/document";
import { figureDef, type FigureKey } from "../../../worker/report/figures";
import { ImportDialog } from "../../../web/components/import-dialog";
import { I18nProvider } from "../../../web/i18n";

afterEach(cleanup);

// WARNING: `import text from "…/fixtures/reports/x.txt?raw"` is refused here ("Denied ID"): Vite
// serves `?raw` only from `server.fs.allow`, which for the web project is this repository alone.
// Until vitest.config.ts allows ../shared there, the fixtures are read with node:fs, named through
// a variable because the web side's type-check has no Node types.
const NODE_FS = "node:fs";
async function fixtureText(name: string): Promise<string> {
  const fs = (await import(/* @vite-ignore */ NODE_FS)) as {
    readFileSync(path: URL, encoding: "utf8"): string;
  };
  const here = import.meta.url;
  return fs.readFileSync(new URL(`../../../../shared/fixtures/reports/${name}.txt`, here), "utf8");
}
const huaian = await fixtureText("01_huaian_shi_2024");
const luoyang = await fixtureText("00_luoyang_shi_bgs_2022");

function renderDialog(year: number) {
  window.localStorage.clear();
  const onImport = vi.fn<(document: ReportDocument) => void>();
  render(
    <I18nProvider>
      <ImportDialog year={year} current={null} onImport={onImport} onClose={() => {}} />
    </I18nProvider>,
  );
  return { onImport };
}

async function pasteAndParse(text: string) {
  fireEvent.change(screen.getByRole("textbox", { name: "年报全文" }), { target: { value: text } });
  fireEvent.click(screen.getByRole("button", { name: "解析" }));
  await screen.findByRole("button", { name: "确认导入" }, { timeout: 5000 });
}

const valueRow = (key: FigureKey) =>
  screen
    .getAllByRole("row")
    .find((row) => row.getAttribute("data-figure-key") === key && row.closest(".import-values"))!;

// A whole report parsed and its ~200 values rendered in jsdom: seconds on a busy machine.
const WHOLE_REPORT = { timeout: 20_000 };

describe("ImportDialog with the real parser", () => {
  it("reads 淮安市人民政府's 2024 report and imports it as parsed", WHOLE_REPORT, async () => {
    const { onImport } = renderDialog(2024);
    await pasteAndParse(huaian);

    expect(screen.getByText("淮安市人民政府", { selector: "dd" })).toBeTruthy();
    const licensing = within(valueRow("section2.licensing_decisions"));
    expect(licensing.getByRole("rowheader").textContent).toBe(
      figureDef("section2.licensing_decisions").label,
    );
    expect(licensing.getByText("447,228")).toBeTruthy();
    expect(licensing.getByText("第 71 行")).toBeTruthy();
    expect(licensing.getByText("行政许可 447228")).toBeTruthy();
    const granted = within(valueRow("section3.granted.total"));
    expect(granted.getByText("（一）予以公开 1288 21 0 0 50 3 1362")).toBeTruthy();
    expect(screen.getByText("✓ 未发现问题")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "确认导入" }));
    const imported = onImport.mock.calls[0]![0];
    expect(reportDocumentSchema.parse(imported)).toEqual(imported);
    expect(imported).toMatchObject({ template: "2021", year: 2024, agency: "淮安市人民政府" });
    expect(imported.section3?.rows.granted).toEqual([1288, 21, 0, 0, 50, 3, 1362]);
  });

  it(
    "asks before importing 淮安市人民政府's report into 吉江市人民政府's 2025 draft",
    WHOLE_REPORT,
    async () => {
      window.localStorage.clear();
      const onImport = vi.fn<(document: ReportDocument) => void>();
      render(
        <I18nProvider>
          <ImportDialog
            year={2025}
            agency="吉江市人民政府"
            current={null}
            onImport={onImport}
            onClose={() => {}}
          />
        </I18nProvider>,
      );
      await pasteAndParse(huaian);
      expect(screen.getByRole("alert").textContent).toContain(
        "文本是 淮安市人民政府的 2024 年度报告，当前编辑的是 吉江市人民政府 2025 年度报告。仍要导入？",
      );
      const confirm = screen.getByRole<HTMLButtonElement>("button", { name: "确认导入" });
      expect(confirm.disabled).toBe(true);
      fireEvent.click(
        screen.getByRole("checkbox", { name: "是，仍要导入到 吉江市人民政府 2025 年度报告" }),
      );
      fireEvent.click(confirm);
      expect(onImport.mock.calls[0]![0]).toMatchObject({ year: 2025, agency: "吉江市人民政府" });
    },
  );

  it(
    "warns that 洛阳's 2022 report is not the 2024 report being edited",
    WHOLE_REPORT,
    async () => {
      const { onImport } = renderDialog(2024);
      await pasteAndParse(luoyang);

      expect(screen.getByRole("alert").textContent).toContain(
        "文本是 洛阳市人民政府办公室的 2022 年度报告，当前编辑的是 2024 年度报告。仍要导入？",
      );
      expect(screen.getByRole("region", { name: /^解析提示/ }).textContent).toContain("2022");
      fireEvent.click(screen.getByRole("checkbox", { name: "是，仍要导入到 2024 年度报告" }));
      fireEvent.click(screen.getByRole("button", { name: "确认导入" }));
      expect(onImport.mock.calls[0]![0].year).toBe(2024);
    },
  );
});
