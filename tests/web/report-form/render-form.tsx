/** Renders the entry form around a document held in state, as a page would. */

import { render, screen } from "@testing-library/react";
import { useState } from "react";
// Imported rather than read with node:fs: the web side's type-check has no Node types.
import luoyang from "../../../../shared/fixtures/reports/00_luoyang_shi_bgs_2022.expected.json";
import { fixtureDocumentInput } from "../../../worker/demo/fixture-document";
import { reportDocumentSchema, type ReportDocument } from "../../../worker/report/document";
import { ReportForm, type ReportFormProps } from "../../../web/components/report-form/report-form";
import { I18nProvider, type Locale } from "../../../web/i18n";

/** Fixture 00 (洛阳市人民政府办公室 2022), hand-checked, as a canonical document. */
export function luoyangReport(): ReportDocument {
  return reportDocumentSchema.parse(fixtureDocumentInput(structuredClone(luoyang)));
}

export function emptyReport(template: "2021" | "2019" = "2021"): ReportDocument {
  return reportDocumentSchema.parse({ template, year: template === "2021" ? 2024 : 2019 });
}

export function renderForm(
  initial: ReportDocument,
  props: Partial<Omit<ReportFormProps, "document" | "onChange">> = {},
  locale: Locale = "zh",
) {
  window.localStorage.clear();
  if (locale === "en") window.localStorage.setItem("nianbao.locale", "en");
  const current = { document: initial, changes: 0 };
  function Harness() {
    const [doc, setDoc] = useState(initial);
    return (
      <ReportForm
        {...props}
        document={doc}
        onChange={(next) => {
          current.document = next;
          current.changes += 1;
          setDoc(next);
        }}
      />
    );
  }
  const view = render(
    <I18nProvider>
      <Harness />
    </I18nProvider>,
  );
  const cell = (name: string) => screen.getByRole<HTMLInputElement>("textbox", { name });
  return { ...view, current, cell };
}
