import { useEffect, useState } from "react";
import { api, unwrap } from "../api";
import { navigate } from "./router";
import { useSession } from "./session";
import { useUrlState } from "./use-url-state";

/** Reports are for the past year: the default view is last year's. */
export const defaultYear = (now: Date) => now.getFullYear() - 1;

/**
 * Year, region and basis of the dashboard pages, all in the query string. Without a region in the
 * URL, a reviewer gets their own region and everyone else the first province-level government;
 * the choice is written back (replacing the entry) so the link reproduces the view.
 */
export function useDashboardFilters() {
  const { user } = useSession();
  const [params, setParams] = useUrlState();
  const staff = user?.role === "admin" || user?.role === "reviewer";
  const year = Number(params.get("year")) || defaultYear(new Date());
  const under = Number(params.get("under")) || null;
  const basis = staff && params.get("basis") === "current" ? "current" : "published";
  const fallback = useDefaultRegion(under === null);

  useEffect(() => {
    if (under !== null || fallback === null) return;
    const next = new URLSearchParams(window.location.search);
    next.set("under", String(fallback));
    navigate(`${window.location.pathname}?${next}`, { replace: true });
  }, [under, fallback]);

  return { params, setParams, staff, year, under, basis } as const;
}

function useDefaultRegion(wanted: boolean): number | null {
  const { user } = useSession();
  const [first, setFirst] = useState<number | null>(null);
  const own = user?.role === "reviewer" ? user.region_agency_id : null;
  useEffect(() => {
    if (!wanted || own !== null) return;
    let live = true;
    api.agencies
      .$get({ query: { kind: "government", level: "province", limit: "1" } })
      .then(unwrap)
      .then(
        (body) => live && setFirst(body.items[0]?.id ?? null),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [wanted, own]);
  return own ?? first;
}

/** The same filters as a query string, for links between the dashboard pages. */
export function filterSearch(year: number, under: number | null, basis: string): string {
  const params = new URLSearchParams({ year: String(year) });
  if (under !== null) params.set("under", String(under));
  if (basis !== "published") params.set("basis", basis);
  return `?${params}`;
}
