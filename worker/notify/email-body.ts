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
  const settings = new URL("/notifications", appUrl).toString();
  const footer = `此邮件由年报系统自动发送。不想收到此类邮件，可在“通知”页面的“邮件提醒”中关闭（站内通知仍会保留）：${settings}`;
  return {
    subject: `【年报】${notice.title}`,
    text: [`${recipientName}，您好：`, "", notice.body, "", `查看：${url}`, "", footer].join("\n"),
    html: [
      `<!doctype html><html lang="zh-CN"><body style="font-family:sans-serif;line-height:1.6">`,
      `<p>${escapeHtml(recipientName)}，您好：</p>`,
      `<p><strong>${escapeHtml(notice.title)}</strong></p>`,
      `<p>${escapeHtml(notice.body)}</p>`,
      `<p><a href="${escapeHtml(url)}">查看</a></p>`,
      `<p style="color:#666;font-size:12px">此邮件由年报系统自动发送。不想收到此类邮件，可在<a href="${escapeHtml(settings)}">“通知”页面的“邮件提醒”</a>中关闭（站内通知仍会保留）。</p>`,
      `</body></html>`,
    ].join(""),
  };
}
