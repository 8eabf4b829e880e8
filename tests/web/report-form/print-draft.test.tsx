import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PrintView } from "../../../web/components/report-form/print-view";
import { pageMarkRule } from "../../../web/components/report-form/use-page-mark";
import { I18nProvider } from "../../../web/i18n";
import { buildReport } from "../../report/builders";

// jsdom has constructed style sheets but not `adoptedStyleSheets`: the list the hook adds to.
beforeEach(() => {
  window.localStorage.clear();
  document.adoptedStyleSheets = [];
});
afterEach(cleanup);

const printed = (draft?: boolean) =>
  render(
    <I18nProvider>
      <PrintView document={buildReport()} draft={draft} />
    </I18nProvider>,
  );

describe("PrintView of a draft", () => {
  it("says above the title that the report is a draft, and marks every printed page while shown", () => {
    const view = printed(true);
    expect(screen.getByText("草稿（未审核）").closest("p")?.textContent).toContain(
      "此报告尚未审核公开",
    );
    expect(document.adoptedStyleSheets).toHaveLength(1);
    view.unmount();
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });

  it("prints a published report without either mark", () => {
    printed(false);
    expect(screen.queryByText(/草稿/)).toBeNull();
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });
});

describe("pageMarkRule", () => {
  it("prints the text in the top right margin box of every page", () => {
    expect(pageMarkRule("草稿（未审核）")).toMatch(
      /^@page \{ @top-right \{ content: "草稿（未审核）"; .*\} \}$/,
    );
  });

  it("keeps quotes, backslashes and line breaks from ending the CSS string", () => {
    expect(pageMarkRule('a "b" \\ c\nd')).toContain('content: "a \\"b\\" \\\\ c d";');
  });
});
