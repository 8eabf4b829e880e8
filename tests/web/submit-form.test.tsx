import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SubmitForm } from "../../web/components/submit-form";
import { aFinding, aUser, json, renderWithSession, stubFetch } from "./builders";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const findings = [
  aFinding({ rule: "R1", row: "granted", message: "表三 “（一）予以公开”行不符" }),
  aFinding({ rule: "R1", row: "partly", message: "表三 “（二）部分公开”行不符" }),
  aFinding({ rule: "S-carry-over", severity: "warning", message: "上年结转与上年报告不一致" }),
];

function renderForm() {
  renderWithSession(
    <SubmitForm revision={3} findings={findings} agencyId={7} year={2024} onDone={() => {}} />,
    aUser({ role: "submitter", agency_id: 7, region_agency_id: null }),
  );
  return screen.getAllByRole<HTMLTextAreaElement>("textbox");
}

describe("SubmitForm", () => {
  it("requires one explanation per broken rule and leaves warnings optional, naming no rule ids", () => {
    stubFetch({});
    const [first, second, warning] = renderForm();
    expect([first!.required, second!.required, warning!.required]).toEqual([true, false, false]);
    expect(first!.placeholder).toBe("说明（必填）");
    expect(warning!.placeholder).toBe("说明（选填）");
    expect(screen.queryByText(/R1|S-carry-over/)).toBeNull();
  });

  it("marks the box the server says still needs text after a refused submission", async () => {
    stubFetch({
      "POST /api/agencies/7/reports/2024/submit": () =>
        json(
          {
            error: {
              code: "explanation_required",
              message: "须逐条说明原因",
              message_en: "Explain each",
              issues: [
                {
                  path: "explanations.R1",
                  code: "explanation_required",
                  message: "须说明",
                  message_en: "Explain",
                },
              ],
            },
          },
          400,
        ),
    });
    const [first] = renderForm();
    fireEvent.submit(first!.closest("form")!);
    expect(await screen.findByText("请说明这项错误的原因")).toBeTruthy();
    expect(first!.getAttribute("aria-invalid")).toBe("true");
  });
});
