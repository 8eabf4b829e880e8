/** A notification as an e-mail: subject, an HTML body (every text escaped) and a plain-text body. */

import type { Notice } from "./report-events";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export interface EmailBody {
  subject: string;
  html: string;
  text: string;
}

export function emailBody(
  notice: Pick<Notice, "title" | "body" | "link">,
  appUrl: string,
  recipientName: string,
): EmailBody {
  const url = new URL(notice.link, appUrl).toString();
  const footer = "此邮件由年报系统自动发送。可在“通知设置”中关闭此类邮件（站内通知仍会保留）。";
  return {
    subject: `【年报】${notice.title}`,
    text: [`${recipientName}，您好：`, "", notice.body, "", `查看：${url}`, "", footer].join("\n"),
    html: [
      `<!doctype html><html lang="zh-CN"><body style="font-family:sans-serif;line-height:1.6">`,
      `<p>${escapeHtml(recipientName)}，您好：</p>`,
      `<p><strong>${escapeHtml(notice.title)}</strong></p>`,
      `<p>${escapeHtml(notice.body)}</p>`,
      `<p><a href="${escapeHtml(url)}">查看</a></p>`,
      `<p style="color:#666;font-size:12px">${escapeHtml(footer)}</p>`,
      `</body></html>`,
    ].join(""),
  };
}
