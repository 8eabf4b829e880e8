/** The scheduled job's notices: a reminder to an agency that has not submitted, a reviewer's digest. */

import type { Notice } from "./report-events";

export function reminderNotice(
  agency: { id: number; name: string },
  year: number,
  deadlineDay: string,
  daysLeft: number,
): Notice {
  const report = `${agency.name} ${year} 年度报告`;
  const link = `/reports/${agency.id}/${year}/edit`;
  if (daysLeft >= 0) {
    return {
      kind: "deadline_reminder",
      audience: "submitters",
      title: daysLeft === 0 ? `${report}今天截止` : `${report}还有 ${daysLeft} 天截止`,
      body: `截止日期为 ${deadlineDay}，报告尚未提交。请尽快完成填报并提交审核。`,
      link,
    };
  }
  return {
    kind: "overdue_reminder",
    audience: "submitters",
    title: `${report}已逾期 ${-daysLeft} 天`,
    body: `截止日期 ${deadlineDay} 已过，报告尚未提交。请尽快完成填报并提交审核。`,
    link,
  };
}

export function digestNotice(waiting: number, oldestDays: number): Notice {
  return {
    kind: "review_digest",
    audience: "reviewers",
    title: `有 ${waiting} 份报告待审核`,
    body: oldestDays > 0 ? `其中最早提交的一份已等待 ${oldestDays} 天。` : "均为今天提交。",
    link: "/review",
  };
}
