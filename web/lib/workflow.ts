import type { ReportSummary, User } from "./api-types";

export interface WorkflowActions {
  /** 提交: the agency's own submitter (or an administrator) hands in a draft or returned report. */
  submit: boolean;
  /** 通过 / 退回: a reviewer (the server checks the region) or an administrator. */
  review: boolean;
}

/** Which workflow buttons to offer; the server enforces the same rules and has the last word. */
export function workflowActions(
  user: User | null,
  report: Pick<ReportSummary, "status">,
  agencyId: number,
): WorkflowActions {
  if (!user) return { submit: false, review: false };
  const ownAgency = user.role === "submitter" && user.agency_id === agencyId;
  return {
    submit:
      (ownAgency || user.role === "admin") &&
      (report.status === "draft" || report.status === "returned"),
    review: (user.role === "reviewer" || user.role === "admin") && report.status === "submitted",
  };
}
