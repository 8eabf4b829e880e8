import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { vi } from "vitest";
import type { Finding } from "../../worker/report/rules";
import { I18nProvider } from "../../web/i18n";
import type { ReportDetail, User } from "../../web/lib/api-types";
import { SessionProvider } from "../../web/lib/session";

export const aUser = (overrides: Partial<User> = {}): User => ({
  id: 1,
  email: "reviewer@example.gov.cn",
  name: "王审核",
  role: "reviewer",
  agency_id: null,
  agency_name: null,
  region_agency_id: 100,
  region_name: "示范省",
  active: true,
  created_at: "2025-01-01T08:00:00Z",
  last_login_at: null,
  ...overrides,
});

export const aFinding = (overrides: Partial<Finding> = {}): Finding => ({
  rule: "R1",
  severity: "error",
  table: "三",
  row: "granted",
  column: "total",
  expected: 12,
  actual: 13,
  message: "表三 “（一）予以公开”行：各申请人列合计=12，总计=13，相差1",
  message_en: 'Table 3, row "granted": the applicant columns add up to 12 but the total is 13',
  ...overrides,
});

export const aReportDetail = (
  overrides: Partial<ReportDetail["report"]> = {},
  findings: Finding[] = [aFinding()],
): ReportDetail => ({
  report: {
    id: 9,
    agency_id: 7,
    year: 2024,
    template: "2021",
    status: "submitted",
    revision: 3,
    published: false,
    published_revision: null,
    error_count: findings.length,
    warning_count: 0,
    late: false,
    submitted_at: "2025-01-20T08:00:00Z",
    created_at: "2025-01-10T08:00:00Z",
    updated_at: "2025-01-20T08:00:00Z",
    ...overrides,
  },
  revision: {
    number: 3,
    author: "李填报",
    note: null,
    created_at: "2025-01-20T08:00:00Z",
    change_count: 1,
    error_count: findings.length,
    warning_count: 0,
  },
  document: { template: "2021", year: 2024 },
  findings,
  explanations: [],
});

export const json = (body: unknown, status = 200) =>
  new Response(body === null ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });

export const apiError = (status: number, code: string, message: string, extra = {}) =>
  json({ error: { code, message, message_en: `(en) ${message}` }, ...extra }, status);

type Handler = (init: RequestInit) => Response;

/**
 * Replaces `fetch` with a table of "METHOD /path" → answer; anything else is a 404. Returns the
 * mock, whose calls are `[url, init]`.
 */
export function stubFetch(routes: Record<string, Handler | Response>) {
  const mock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), "http://localhost");
    const key = `${init.method ?? "GET"} ${url.pathname}`;
    const answer = routes[key];
    if (!answer) return apiError(404, "route_not_found", `no stub for ${key}`);
    return typeof answer === "function" ? answer(init) : answer.clone();
  });
  vi.stubGlobal("fetch", mock);
  return mock;
}

/** Renders `ui` in Chinese (the default) with a known session, as the app does. */
export function renderWithSession(ui: ReactNode, user: User | null = null, csrf = "csrf-abc") {
  window.localStorage.clear();
  return render(
    <I18nProvider>
      <SessionProvider
        initial={user ? { user, csrf_token: csrf } : { user: null, csrf_token: null }}
      >
        {ui}
      </SessionProvider>
    </I18nProvider>,
  );
}
