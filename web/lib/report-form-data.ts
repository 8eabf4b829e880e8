import type { InferResponseType } from "hono/client";
import { absentAsNull, api, unwrap, type Api } from "../api";
import type { ReportDocument } from "../../worker/report/document";
import { reportDocumentSchema } from "../../worker/report/document";
import { writeFigure } from "../../worker/report/figures";
import { SECTION3_COLUMNS } from "../../worker/report/templates";
import { reportParam, type ReportDetail } from "./api-types";
import { lastReturn, type ReturnedReview } from "./review-comments";

type AgencyInfo = InferResponseType<Api["agencies"][":id"]["$get"], 200>;

export interface FormData {
  agency: AgencyInfo;
  /** The report as the viewer may see it, or null when the year has none yet. */
  detail: ReportDetail | null;
  /** Last year's approved report: the context of this year's checks and its carry-over. */
  previous: ReportDocument | null;
  /** A returned report's review, with the revision it returned; null otherwise. */
  returned: { review: ReturnedReview; document: ReportDocument } | null;
}

export async function loadFormData(agencyId: number, year: number): Promise<FormData> {
  const report = api.agencies[":id"].reports[":year"];
  const [agency, detail, previous] = await Promise.all([
    api.agencies[":id"].$get({ param: { id: String(agencyId) } }).then(unwrap),
    absentAsNull(report.$get({ param: reportParam(agencyId, year), query: {} }).then(unwrap)),
    absentAsNull(
      report
        .$get({ param: reportParam(agencyId, year - 1), query: { version: "published" } })
        .then(unwrap),
    ),
  ]);
  const returned = detail?.report.status === "returned" ? await loadReturn(agencyId, year) : null;
  return { agency, detail, previous: previous?.document ?? null, returned };
}

/** The review that returned the report, and the revision it was about. */
async function loadReturn(agencyId: number, year: number): Promise<FormData["returned"]> {
  const report = api.agencies[":id"].reports[":year"];
  const param = reportParam(agencyId, year);
  const trail = await report.reviews.$get({ param }).then(unwrap);
  const event = lastReturn(trail.items);
  if (!event) return null;
  const revision = await report.revisions[":number"]
    .$get({ param: { ...param, number: String(event.revision) } })
    .then(unwrap);
  return {
    review: {
      message: event.message,
      actorName: event.actor_name,
      at: event.created_at,
      revision: event.revision,
      comments: event.comments,
    },
    document: revision.document,
  };
}

/**
 * A new report: the year's template, and 二、上年结转 pre-filled from last year's approved
 * 四、结转下年度继续办理, as the rule R2 chain expects.
 */
export function blankDocument(year: number, previous: ReportDocument | null): ReportDocument {
  let doc = reportDocumentSchema.parse({ template: year >= 2021 ? "2021" : "2019", year });
  const forward = previous?.section3?.rows.carried_forward;
  if (forward) {
    SECTION3_COLUMNS.forEach((column, i) => {
      doc = writeFigure(doc, `section3.carried_over.${column.key}`, forward[i] ?? null);
    });
  }
  return doc;
}

/** Whether this year's 二、上年结转 differs from last year's 四、结转下年度继续办理. */
export function carryOverDiffers(doc: ReportDocument, previous: ReportDocument | null): boolean {
  const forward = previous?.section3?.rows.carried_forward;
  const over = doc.section3?.rows.carried_over;
  if (!forward || !over) return false;
  return forward.some((value, i) => (value ?? null) !== (over[i] ?? null));
}

const CARRY_OVER_RULE = "S-carry-over";

/** The submitter's note on a changed carry-over, kept with the document's explanations. */
export function withCarryOverNote(doc: ReportDocument, text: string): ReportDocument {
  const others = (doc.explanations ?? []).filter((e) => e.rule !== CARRY_OVER_RULE);
  const note = text.trim()
    ? [{ rule: CARRY_OVER_RULE, table: "三", row: "carried_over", text }]
    : [];
  return { ...doc, explanations: [...others, ...note] };
}

export const carryOverNote = (doc: ReportDocument) =>
  doc.explanations?.find((e) => e.rule === CARRY_OVER_RULE)?.text ?? "";
