/**
 * The e-mails that carry an account's one-time link: an invitation to set a password, and a
 * password reset. Unlike notifications they have no in-app copy (an invitee cannot sign in yet)
 * and cannot be turned off; the link is the secret itself, so it goes to the account's own
 * address only.
 */

import { ROLE_LABELS } from "../auth/roles";
import type { UserRole } from "../db/schema";
import { escapeHtml, type EmailBody } from "./email-body";

const CST_OFFSET_MS = 8 * 3_600_000;

/** An instant in Beijing time, to the minute: "2026-12-12 17:38". */
function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + CST_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}

interface LinkEmail {
  subject: string;
  recipientName: string;
  /** What happened, in a sentence. */
  lead: string;
  /** What to do with the link, before it. */
  instruction: string;
  url: string;
  /** What to do if the message was not expected. */
  footer: string;
}

function linkEmail(mail: LinkEmail): EmailBody {
  const signature = "此邮件由年报系统自动发送。";
  return {
    subject: mail.subject,
    text: [
      `${mail.recipientName}，您好：`,
      "",
      mail.lead,
      mail.instruction,
      mail.url,
      "",
      `${mail.footer}${signature}`,
    ].join("\n"),
    html: [
      `<!doctype html><html lang="zh-CN"><body style="font-family:sans-serif;line-height:1.6">`,
      `<p>${escapeHtml(mail.recipientName)}，您好：</p>`,
      `<p>${escapeHtml(mail.lead)}</p>`,
      `<p>${escapeHtml(mail.instruction)}</p>`,
      `<p><a href="${escapeHtml(mail.url)}">${escapeHtml(mail.url)}</a></p>`,
      `<p style="color:#666;font-size:12px">${escapeHtml(`${mail.footer}${signature}`)}</p>`,
      `</body></html>`,
    ].join(""),
  };
}

export interface InvitationFacts {
  inviteeName: string;
  inviterName: string;
  role: UserRole;
  /** The submitter's agency or the reviewer's region, when the role has one. */
  place: string | null;
  url: string;
  expiresAt: string;
}

export function invitationEmail(facts: InvitationFacts): EmailBody {
  const role = ROLE_LABELS[facts.role].zh;
  return linkEmail({
    subject: "【年报】邀请您使用年报系统",
    recipientName: facts.inviteeName,
    lead: `${facts.inviterName} 邀请您以${role}身份使用年报系统${facts.place ? `（${facts.place}）` : ""}。`,
    instruction: `请在 ${beijingTime(facts.expiresAt)}（北京时间）前打开下面的链接设置密码，链接只能使用一次：`,
    url: facts.url,
    footer: "如果您不认识邀请人或不需要此账号，请忽略此邮件。",
  });
}

export interface ResetFacts {
  userName: string;
  actorName: string;
  url: string;
  expiresAt: string;
}

export function passwordResetEmail(facts: ResetFacts): EmailBody {
  return linkEmail({
    subject: "【年报】重设密码",
    recipientName: facts.userName,
    lead: `${facts.actorName} 为您的账号生成了重设密码的链接。`,
    instruction: `请在 ${beijingTime(facts.expiresAt)}（北京时间）前打开下面的链接设置新密码，链接只能使用一次；设置后，您在所有设备上的登录都将结束：`,
    url: facts.url,
    footer: "如果您没有请求重设密码，请忽略此邮件并告知管理员。",
  });
}
