/** Plain answers of the open-data routes (`/api/public/*`), with overrides; each test builds its own. */

import { vi } from "vitest";
import { LICENCE } from "../../../worker/public/licence";
import { buildReport } from "../../report/builders";
import { apiError, json } from "../builders";

const envelope = { licence: LICENCE, data_version: 12 };

export const aPublicAgency = (overrides: Record<string, unknown> = {}) => ({
  id: 7,
  name: "示例市人民政府办公室",
  level: "city",
  kind: "government",
  scope: "self",
  region_code: "410300",
  parent_id: 1,
  ...overrides,
});

export const anAgencyDetail = (reports = [{ year: 2023, template: "2021" }]) => ({
  agency: { ...aPublicAgency(), parent: { id: 1, name: "示例省人民政府" } },
  reports,
  ...envelope,
});

export const aPublicReport = (overrides: Record<string, unknown> = {}) => ({
  agency: aPublicAgency(),
  year: 2023,
  revision: 3,
  published_at: "2024-03-02T08:00:00Z",
  first_published_at: "2024-01-20T08:00:00Z",
  corrections: 1,
  document: buildReport(),
  findings: [],
  explanations: [],
  ...envelope,
  ...overrides,
});

export const someCorrections = () => ({
  first_published_at: "2024-01-20T08:00:00Z",
  items: [
    {
      revision: 3,
      published_at: "2024-03-02T08:00:00Z",
      reason: "表三自然人列录入错误",
      changes: [{ path: "section3.granted.natural_person", before: 41, after: 40 }],
    },
  ],
  ...envelope,
});

export const anAgencyList = (items = [aPublicAgency()], total = items.length) => ({
  items,
  total,
  limit: 20,
  offset: 0,
  ...envelope,
});

/** A series answer for whichever figure was asked, one value per year from `values`. */
export const aSeries = (figure: string, values: Record<number, number | null>) => ({
  figure,
  items: Object.entries(values).map(([year, value]) => ({ year: Number(year), value })),
  ...envelope,
});

export const someIndicators = (rates: Record<number, number | null>) => ({
  items: Object.entries(rates).map(([year, value]) => ({
    year: Number(year),
    indicators: [
      {
        key: "disclosure_rate",
        value,
        numerator: value === null ? 0 : value * 10,
        denominator: value === null ? 0 : 10,
        status: value === null ? "no_data" : "ok",
      },
    ],
  })),
  ...envelope,
});

/**
 * Replaces `fetch` with `answer(url)`, which sees the whole URL (query included); a null answer
 * is a 404. Returns the mock, whose calls are `[url, init]`.
 */
export function stubFetchByUrl(answer: (url: URL) => unknown) {
  const mock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), "http://localhost");
    const body = answer(url);
    if (body === null || body === undefined)
      return apiError(404, "route_not_found", `no stub for ${url.pathname}`);
    return body instanceof Response ? body : json(body);
  });
  vi.stubGlobal("fetch", mock);
  return mock;
}

/** The paths and queries `fetch` was called with, in order. */
export const calledUrls = (mock: ReturnType<typeof vi.fn>) =>
  mock.mock.calls.map(([input]) => new URL(String(input), "http://localhost"));
