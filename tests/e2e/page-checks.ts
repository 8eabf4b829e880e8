import { mkdirSync, writeFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "./test";
import {
  AGENCY_KINDS,
  AGENCY_LEVELS,
  AGENCY_SCOPES,
  REPORT_STATUSES,
} from "../../worker/report/vocabulary";
import type { RuleId } from "../../worker/report/rules";
import type { UserRole } from "../../worker/db/schema";

export const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
] as const;

const RULE_IDS: Record<RuleId, true> = {
  R1: true,
  R2: true,
  R3: true,
  R4: true,
  R5: true,
  "S-carry-over": true,
  "S-made-le-valid": true,
  "S-valid-continuity": true,
  "S-regulations-scope": true,
  "S-narrative": true,
  "S-blank": true,
  "S-missing-rows": true,
};
const USER_ROLES: Record<UserRole, true> = { admin: true, reviewer: true, submitter: true };

const words = (codes: readonly string[]) =>
  new RegExp(`(?<![\\w.-])(?:${codes.map((c) => c.replace(/-/g, "\\-")).join("|")})(?![\\w-])`);

/**
 * What a reader must never see: the codes the API speaks in (each has a Chinese word) and the
 * marks of a value that was never filled in. "published" is the API's name for 已发布 too.
 */
const INTERNAL_CODES: { what: string; pattern: RegExp }[] = [
  { what: "status code", pattern: words([...REPORT_STATUSES, "published"]) },
  { what: "scope code", pattern: words(AGENCY_SCOPES) },
  { what: "level code", pattern: words(AGENCY_LEVELS) },
  { what: "kind code", pattern: words(AGENCY_KINDS) },
  { what: "role code", pattern: words(Object.keys(USER_ROLES)) },
  { what: "rule id", pattern: words(Object.keys(RULE_IDS)) },
  {
    what: "event name",
    pattern: /\b(?:auth|user|report|agency|deadline|token|aggregate|audit|season)\.[a-z_]+\b/,
  },
  { what: "figure key", pattern: /\b(?:section[234]|metrics|indicator)\.[a-z0-9_.]+/ },
  { what: "unfilled value", pattern: /\bundefined\b|\bNaN\b|\[object Object\]|\bnull\b/ },
];

/** Visible text, without code meant to be copied (snippets, URLs in <code>) and e-mail addresses. */
async function readerText(page: Page): Promise<string> {
  return page.evaluate(() => {
    let text = document.body.innerText;
    for (const el of document.querySelectorAll<HTMLElement>("code, pre, kbd, samp")) {
      const inner = el.innerText.trim();
      if (inner) text = text.split(inner).join(" ");
    }
    return text.replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, " ");
  });
}

function codesIn(text: string): string[] {
  const found: string[] = [];
  for (const { what, pattern } of INTERNAL_CODES) {
    const global = new RegExp(pattern.source, "g");
    for (const match of text.matchAll(global)) {
      const at = match.index;
      const context = text
        .slice(Math.max(0, at - 20), at + match[0].length + 20)
        .replace(/\s+/g, " ");
      found.push(`${what} "${match[0]}" in "…${context}…"`);
      if (found.length > 12) return found;
    }
  }
  return found;
}

/**
 * The elements that widen the document past the viewport: the outermost ones sticking out on
 * the right that no scrolling or clipping ancestor contains.
 */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth <= width) return [];
    const describe = (el: Element) => {
      const cls = typeof el.className === "string" && el.className.trim();
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${cls ? `.${cls.split(/\s+/).join(".")}` : ""}`;
      const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      const right = Math.round(el.getBoundingClientRect().right);
      return `${name} (right edge ${right}px${text ? `, "${text}"` : ""})`;
    };
    const clips = (el: Element) => {
      const style = getComputedStyle(el);
      return (
        style.overflowX !== "visible" && el !== document.documentElement && el !== document.body
      );
    };
    const culprits: string[] = [];
    const visit = (el: Element) => {
      if (clips(el)) {
        // The box itself may stick out; what it contains scrolls inside it.
        if (el.getBoundingClientRect().right > width + 0.5) culprits.push(describe(el));
        return;
      }
      const out = el.getBoundingClientRect().right > width + 0.5;
      const before = culprits.length;
      for (const child of el.children) visit(child);
      if (out && culprits.length === before) culprits.push(describe(el));
    };
    for (const child of document.body.children) visit(child);
    return [`document ${scrollWidth}px wide in a ${width}px window`, ...culprits.slice(0, 8)];
  });
}

async function seriousAxeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) =>
      v.nodes.slice(0, 6).map((node) => {
        const summary = (node.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 160);
        return `axe ${v.id} (${v.impact}) at ${node.target.join(" ")}: ${summary}`;
      }),
    );
}

/** Collects console errors and uncaught exceptions from the moment it is called. */
export function listenForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const where = message.location().url;
    errors.push(`console error: ${message.text().slice(0, 300)}${where ? ` (${where})` : ""}`);
  });
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message.slice(0, 300)}`));
  return errors;
}

/** Waits until the page has loaded what it loads: no request in flight, no 加载中 left. */
export async function settle(page: Page): Promise<string[]> {
  await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => undefined);
  const loading = page.getByText(/加载中/);
  try {
    await loading.first().waitFor({ state: "detached", timeout: 15_000 });
  } catch {
    return [`still 加载中 after 15 s`];
  }
  await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => undefined);
  return [];
}

/** Every problem the page shows now: overflow, internal codes, and axe's serious findings. */
export async function problemsOf(page: Page): Promise<string[]> {
  return [
    ...(await overflow(page)).map((line, i) =>
      i === 0 ? `overflow: ${line}` : `  wider: ${line}`,
    ),
    ...codesIn(await readerText(page)).map((line) => `code shown: ${line}`),
    ...(await seriousAxeViolations(page)),
  ];
}

/**
 * `PAGE_SHOTS=/tmp/pageshots` keeps a full-page screenshot of every page checked, and beside it
 * the problems found (an empty file when there were none).
 */
export async function keepRecord(page: Page, name: string, problems: string[]): Promise<Buffer> {
  const dir = process.env.PAGE_SHOTS;
  if (dir) mkdirSync(dir, { recursive: true });
  const shot = await page.screenshot({ fullPage: true, path: dir && `${dir}/${name}.png` });
  if (dir) writeFileSync(`${dir}/${name}.txt`, problems.map((p) => `${p}\n`).join(""));
  return shot;
}
