import { describe, expect, it } from "vitest";
import { admin, createAgency, requestJson, saveDocument } from "./api";
import { validDocument } from "./builders";

/** Table 四's reconsideration total (9) is not the sum of its parts (4): rule R4 fails. */
const breakingR4 = (visits: number) =>
  validDocument(2022, (d) => {
    d.section4!.reconsideration = [1, 1, 1, 1, 9];
    d.metrics!.website_visits = visits;
  });

async function act(
  agencyId: number,
  action: "submit" | "approve",
  revision: number,
  explanation?: string,
) {
  const answer = await requestJson(`/api/agencies/${agencyId}/reports/2022/${action}`, {
    method: "POST",
    as: await admin(),
    json: {
      revision,
      ...(explanation ? { explanations: [{ rule: "R4", table: "四", text: explanation }] } : {}),
    },
  });
  if (answer.status !== 200)
    throw new Error(`${action}: ${answer.status} ${JSON.stringify(answer.body)}`);
}

const publicReport = (agencyId: number) =>
  requestJson(`/api/public/agencies/${agencyId}/reports/2022`);

describe("public report: findings and the agency's explanations", () => {
  it("shows the published revision's findings with the explanation sent when it was submitted", async () => {
    const agency = await createAgency({ region_code: "970100" });
    await saveDocument(agency.id, breakingR4(100));
    await act(agency.id, "submit", 1, "复议总计含上年结转案件，按原表公布");
    await act(agency.id, "approve", 1);

    const { status, body } = await publicReport(agency.id);
    expect(status).toBe(200);
    const r4 = body.findings.filter((f: { rule: string }) => f.rule === "R4");
    expect(r4).toEqual([
      expect.objectContaining({ severity: "error", table: "四", expected: 4, actual: 9 }),
    ]);
    expect(body.explanations).toEqual([
      { rule: "R4", table: "四", text: "复议总计含上年结转案件，按原表公布" },
    ]);
  });

  it("never shows a draft's explanations: an unpublished report is not there at all", async () => {
    const agency = await createAgency({ region_code: "970200" });
    await saveDocument(agency.id, breakingR4(100));
    await act(agency.id, "submit", 1, "草稿中的说明");

    const answer = await publicReport(agency.id);
    expect(answer.status).toBe(404);
    expect(JSON.stringify(answer.body)).not.toContain("草稿中的说明");
  });

  it("keeps a correction's explanation private until the correction is approved", async () => {
    const agency = await createAgency({ region_code: "970300" });
    await saveDocument(agency.id, breakingR4(100));
    await act(agency.id, "submit", 1, "首次公开时的说明");
    await act(agency.id, "approve", 1);
    const correction = await saveDocument(agency.id, breakingR4(200), 1, { note: "更正访问量" });
    expect(correction.status).toBe(200);
    await act(agency.id, "submit", 2, "更正稿的说明");

    const during = await publicReport(agency.id);
    expect(during.body.document.metrics.website_visits).toBe(100);
    expect(during.body.explanations.map((e: { text: string }) => e.text)).toEqual([
      "首次公开时的说明",
    ]);
    expect(JSON.stringify(during.body)).not.toContain("更正稿的说明");

    await act(agency.id, "approve", 2);
    const after = await publicReport(agency.id);
    expect(after.body.document.metrics.website_visits).toBe(200);
    expect(after.body.explanations.map((e: { text: string }) => e.text)).toEqual(["更正稿的说明"]);
  });

  it("answers a clean published report with no findings and no explanations", async () => {
    const agency = await createAgency({ region_code: "970400" });
    await saveDocument(agency.id, validDocument(2022));
    await act(agency.id, "submit", 1);
    await act(agency.id, "approve", 1);

    const { body } = await publicReport(agency.id);
    expect(body.findings.filter((f: { severity: string }) => f.severity === "error")).toEqual([]);
    expect(body.explanations).toEqual([]);
  });
});
