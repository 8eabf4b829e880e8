/**
 * What each hand-off of a report tells whom: a submission (or a correction) its region's
 * reviewers, a return (with the reviewer's message) and an approval the agency's submitters. Each
 * names the report, what happened and who did it, and links to the page where the reader acts.
 */

import type { NotificationKind } from "../db/schema";

type ReportEvent = "submit" | "return" | "approve";

export interface ReportEventFacts {
  event: ReportEvent;
  agency: { id: number; name: string };
  year: number;
  actorName: string;
  /** The reviewer's message on a return. */
  message: string | null;
  /** A submission of a report published before: a correction. */
  correction: boolean;
}

export interface Notice {
  kind: NotificationKind;
  /** Who reads it: the agency's submitters or its region's reviewers. */
  audience: "submitters" | "reviewers";
  title: string;
  body: string;
  /** An in-app path, without secrets. */
  link: string;
}

const report = (facts: ReportEventFacts) => `${facts.agency.name} ${facts.year} 年度报告`;

export function reportEventNotice(facts: ReportEventFacts): Notice {
  const path = `/reports/${facts.agency.id}/${facts.year}`;
  switch (facts.event) {
    case "submit":
      return facts.correction
        ? {
            kind: "correction_submitted",
            audience: "reviewers",
            title: `${report(facts)}提交了更正，待审核`,
            body: `${facts.actorName} 提交了已发布报告的更正，请审核。`,
            link: path,
          }
        : {
            kind: "report_submitted",
            audience: "reviewers",
            title: `${report(facts)}已提交，待审核`,
            body: `${facts.actorName} 提交了报告，请审核。`,
            link: path,
          };
    case "return":
      return {
        kind: "report_returned",
        audience: "submitters",
        title: `${report(facts)}被退回修改`,
        body: facts.message
          ? `${facts.actorName} 退回了报告：${facts.message}`
          : `${facts.actorName} 退回了报告，请查看意见后修改。`,
        link: `${path}/edit`,
      };
    case "approve":
      return {
        kind: "report_approved",
        audience: "submitters",
        title: `${report(facts)}已通过审核并发布`,
        body: `${facts.actorName} 审核通过了报告，报告已公开发布。`,
        link: path,
      };
  }
}
