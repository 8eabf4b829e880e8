import { expect, test, type APIRequestContext } from "./test";
import { DEMO_LOGINS } from "../../scripts/seed/demo-users";
import type { UserRole } from "../../worker/db/schema";
import { VIEWPORTS, keepRecord, listenForErrors, problemsOf, settle } from "./page-checks";

/**
 * Every page, for each role that uses it, at a laptop's and a phone's width: nothing wider than
 * the window, no internal code on screen, no console error, no serious or critical axe finding.
 * `PAGE_SHOTS=/tmp/pageshots` keeps a screenshot of each and what was found on it.
 */

type Role = UserRole | "public";

/** The demo's own records each page is opened on, read from the API (the seed decides them). */
interface Ids {
  ownAgency: number;
  ownYear: number;
  /** A report in the reviewer's region waiting for review (or, failing that, any draft there). */
  review: { agency: number; year: number };
  /** A published report and its agency. */
  published: { agency: number; year: number };
  /** The region the public pages and embeds show. */
  regionCode: string;
  /** An invitation link's token, for the page a new user opens first. */
  inviteToken: string;
}

interface PageSpec {
  name: string;
  path: (ids: Ids) => string;
}

const report = (r: { agency: number; year: number }, suffix = "") =>
  `/reports/${r.agency}/${r.year}${suffix}`;

const DASHBOARDS: PageSpec[] = [
  { name: "dashboard", path: () => "/dashboard" },
  { name: "compare", path: () => "/dashboard/compare" },
  { name: "trends", path: () => "/dashboard/trends" },
  { name: "quality", path: () => "/dashboard/quality" },
  { name: "region-report", path: () => "/dashboard/region-report" },
  { name: "agency-profile", path: (ids) => `/dashboard/agency/${ids.review.agency}` },
  { name: "embed-builder", path: () => "/dashboard/embed" },
];

const REVIEWED_REPORT: PageSpec[] = [
  { name: "report", path: (ids) => report(ids.review) },
  { name: "history", path: (ids) => report(ids.review, "/history") },
  { name: "print", path: (ids) => report(ids.review, "/print") },
];

const EMBEDS: PageSpec[] = (["trend", "bars", "card", "outcome_mix"] as const).map((kind) => ({
  name: `embed-agency-${kind}`,
  path: (ids: Ids) => `/embed/agency/${ids.published.agency}?kind=${kind}`,
}));

const PAGES: Record<Role, PageSpec[]> = {
  public: [
    { name: "home", path: () => "/" },
    { name: "login", path: () => "/login" },
    { name: "invite", path: (ids) => `/invite#${ids.inviteToken}` },
    { name: "public-home", path: () => "/public" },
    { name: "public-agency", path: (ids) => `/public/agency/${ids.published.agency}` },
    {
      name: "public-report",
      path: (ids) => `/public/agency/${ids.published.agency}/${ids.published.year}`,
    },
    { name: "public-region", path: (ids) => `/public/region/${ids.regionCode}` },
    { name: "published-report", path: (ids) => report(ids.published) },
    ...EMBEDS,
    { name: "embed-region-trend", path: (ids) => `/embed/region/${ids.regionCode}?kind=trend` },
    { name: "not-found", path: () => "/no-such-page" },
  ],
  submitter: [
    { name: "home", path: () => "/" },
    { name: "own-reports", path: (ids) => `/?agency=${ids.ownAgency}` },
    { name: "report", path: (ids) => report({ agency: ids.ownAgency, year: ids.ownYear }) },
    {
      name: "edit",
      path: (ids) => report({ agency: ids.ownAgency, year: ids.ownYear }, "/edit"),
    },
    {
      name: "history",
      path: (ids) => report({ agency: ids.ownAgency, year: ids.ownYear }, "/history"),
    },
    {
      name: "print",
      path: (ids) => report({ agency: ids.ownAgency, year: ids.ownYear }, "/print"),
    },
    { name: "notifications", path: () => "/notifications" },
  ],
  reviewer: [
    { name: "home", path: () => "/" },
    { name: "review", path: () => "/review" },
    ...REVIEWED_REPORT,
    ...DASHBOARDS,
    { name: "users", path: () => "/admin/users" },
    { name: "notifications", path: () => "/notifications" },
  ],
  admin: [
    { name: "home", path: () => "/" },
    { name: "review", path: () => "/review" },
    ...REVIEWED_REPORT,
    { name: "edit", path: (ids) => report(ids.review, "/edit") },
    ...DASHBOARDS,
    { name: "users", path: () => "/admin/users" },
    { name: "agencies", path: () => "/admin/agencies" },
    { name: "deadlines", path: () => "/admin/deadlines" },
    { name: "audit", path: () => "/admin/audit" },
    { name: "outbox", path: () => "/admin/outbox" },
    { name: "notifications", path: () => "/notifications" },
  ],
};

async function json(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status(), `GET ${path}`).toBe(200);
  return response.json();
}

/** A signed-in API session; its cookies become the browser's for the role's pages. */
async function signIn(request: APIRequestContext, role: UserRole) {
  const { email, password } = DEMO_LOGINS[role];
  const response = await request.post("/api/auth/login", { data: { email, password } });
  expect(response.status(), `sign in as ${role}`).toBe(200);
}

let ids: Ids;
const sessions = new Map<Role, Awaited<ReturnType<APIRequestContext["storageState"]>>>();

test.beforeAll(async ({ playwright }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL;
  const contexts: Partial<Record<UserRole, APIRequestContext>> = {};
  for (const role of ["admin", "reviewer", "submitter"] as const) {
    const request = await playwright.request.newContext({ baseURL });
    await signIn(request, role);
    contexts[role] = request;
    sessions.set(role, await request.storageState());
  }
  const { admin, reviewer, submitter } = contexts as Record<UserRole, APIRequestContext>;

  const { user } = await json(submitter, "/api/auth/session");
  const own = await json(submitter, `/api/agencies/${user.agency_id}/reports`);
  const ownYear = Math.max(...(own.items as { year: number }[]).map((r) => r.year));

  let waiting = (await json(reviewer, "/api/reports?status=submitted&sort=submitted&limit=1"))
    .items[0];
  waiting ??= (await json(reviewer, "/api/reports?status=draft&limit=1")).items[0];
  const published = (await json(admin, "/api/reports?status=approved&region=99&limit=1")).items[0];
  expect(waiting, "a report in the reviewer's region").toBeTruthy();
  expect(published, "a published report").toBeTruthy();

  const invite = await admin.post("/api/invites", {
    headers: { "X-CSRF-Token": (await json(admin, "/api/auth/session")).csrf_token },
    data: {
      email: `pages-${Date.now()}@example.gov.cn`,
      name: "新用户",
      role: "submitter",
      agency_id: user.agency_id,
    },
  });
  expect(invite.status(), await invite.text()).toBe(201);
  const inviteUrl = new URL((await invite.json()).invite_url as string);

  ids = {
    ownAgency: user.agency_id,
    ownYear,
    review: { agency: waiting.agency_id, year: waiting.year },
    published: { agency: published.agency_id, year: published.year },
    regionCode: "99",
    inviteToken: inviteUrl.hash.slice(1),
  };
  await Promise.all(Object.values(contexts).map((c) => c.dispose()));
});

for (const [role, pages] of Object.entries(PAGES) as [Role, PageSpec[]][]) {
  test.describe(`as ${role}`, () => {
    for (const spec of pages) {
      for (const viewport of VIEWPORTS) {
        const size = `${viewport.width}×${viewport.height}`;
        test(`${spec.name} at ${size}`, async ({ browser }, testInfo) => {
          // Loading, axe and a full-page screenshot, on a busy machine.
          test.setTimeout(120_000);
          const context = await browser.newContext({
            locale: "zh-CN",
            viewport,
            storageState: sessions.get(role),
          });
          const page = await context.newPage();
          const errors = listenForErrors(page);
          const path = spec.path(ids);
          await page.goto(path);
          const problems = [...(await settle(page)), ...(await problemsOf(page)), ...errors];
          const shot = await keepRecord(page, `${role}-${spec.name}-${viewport.width}`, problems);
          if (problems.length > 0) {
            await testInfo.attach("screenshot", { body: shot, contentType: "image/png" });
          }
          expect(problems, `${role} ${path} (${spec.name}) at ${size}`).toEqual([]);
        });
      }
    }
  });
}
