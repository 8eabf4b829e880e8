import { useEffect } from "react";
import { navigate } from "./router";
import { useSession } from "./session";
import { useSeason } from "./use-season";
import { useUrlState } from "./use-url-state";

/** Reports are for the past year: the view when nothing better is known. */
export const defaultYear = (now: Date) => now.getFullYear() - 1;

/**
 * Year, region and basis of the dashboard pages, all in the query string. What the URL does not
 * say comes from the season: the open year or the newest with published reports, and a
 * reviewer's own region or the one with the most agencies. The choice is written back
 * (replacing the entry) so the link reproduces the view; until then `under` is null and the
 * pages wait rather than load a view they would replace at once.
 */
export function useDashboardFilters() {
  const { user } = useSession();
  const [params, setParams] = useUrlState();
  const season = useSeason();
  const staff = user?.role === "admin" || user?.role === "reviewer";
  const asked = {
    year: Number(params.get("year")) || null,
    under: Number(params.get("under")) || null,
  };
  const year = asked.year ?? season?.default_year ?? defaultYear(new Date());
  const basis = staff && params.get("basis") === "current" ? "current" : "published";
  const ownRegion = user?.role === "reviewer" ? user.region_agency_id : null;
  const fallbackRegion = asked.under ?? season?.default_region?.id ?? ownRegion;

  useEffect(() => {
    if (asked.year !== null && asked.under !== null) return;
    if (season === undefined || fallbackRegion === null) return;
    const next = new URLSearchParams(window.location.search);
    next.set("year", String(year));
    next.set("under", String(fallbackRegion));
    navigate(`${window.location.pathname}?${next}`, { replace: true });
  }, [asked.year, asked.under, season, year, fallbackRegion]);

  const ready = asked.year !== null && asked.under !== null;
  return {
    params,
    setParams,
    staff,
    year,
    under: ready ? asked.under : null,
    basis,
    season,
  } as const;
}

/** The same filters as a query string, for links between the dashboard pages. */
export function filterSearch(year: number, under: number | null, basis: string): string {
  const params = new URLSearchParams({ year: String(year) });
  if (under !== null) params.set("under", String(under));
  if (basis !== "published") params.set("basis", basis);
  return `?${params}`;
}
