/**
 * Pathname routing without a package: `matchRoute` maps a path to a page, `navigate` pushes
 * history, `useLocation` re-renders on every change. Tokens travel in the hash (`/invite#…`) so
 * they never reach server logs or a Referer header.
 */

import { useSyncExternalStore } from "react";

export type Route =
  | { page: "home" }
  | { page: "login" }
  | { page: "accept"; purpose: "invite" | "reset" }
  | { page: "users" }
  | { page: "agencies" }
  | { page: "audit" }
  | { page: "deadlines" }
  | { page: "outbox" }
  | { page: "notifications" }
  | { page: "review" }
  | { page: "dashboard" }
  | { page: "region_report" }
  | { page: "compare" }
  | { page: "quality" }
  | { page: "agency_profile"; agencyId: number }
  | { page: "trends" }
  | { page: "embed_builder" }
  | { page: "public" }
  | { page: "public_agency"; agencyId: number }
  | { page: "public_report"; agencyId: number; year: number }
  | { page: "public_region"; code: string }
  | { page: "report"; agencyId: number; year: number }
  | { page: "edit" | "history" | "print"; agencyId: number; year: number }
  | { page: "not_found" };

const STATIC: Record<string, Route> = {
  "/": { page: "home" },
  "/login": { page: "login" },
  "/invite": { page: "accept", purpose: "invite" },
  "/reset": { page: "accept", purpose: "reset" },
  "/admin/users": { page: "users" },
  "/admin/agencies": { page: "agencies" },
  "/admin/audit": { page: "audit" },
  "/admin/deadlines": { page: "deadlines" },
  "/admin/outbox": { page: "outbox" },
  "/notifications": { page: "notifications" },
  "/review": { page: "review" },
  "/dashboard": { page: "dashboard" },
  "/dashboard/region-report": { page: "region_report" },
  "/dashboard/compare": { page: "compare" },
  "/dashboard/quality": { page: "quality" },
  "/dashboard/trends": { page: "trends" },
  "/dashboard/embed": { page: "embed_builder" },
  "/public": { page: "public" },
};

export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  const known = STATIC[path];
  if (known) return known;
  const profile = /^\/dashboard\/agency\/([1-9]\d*)$/.exec(path);
  if (profile) return { page: "agency_profile", agencyId: Number(profile[1]) };
  const publicAgency = /^\/public\/agency\/([1-9]\d*)(?:\/(\d{4}))?$/.exec(path);
  if (publicAgency) {
    const agencyId = Number(publicAgency[1]);
    return publicAgency[2]
      ? { page: "public_report", agencyId, year: Number(publicAgency[2]) }
      : { page: "public_agency", agencyId };
  }
  // A 6-digit 行政区划代码 or a prefix of one (2 digits a province, 4 a city).
  const region = /^\/public\/region\/(\d{2,6})$/.exec(path);
  if (region) return { page: "public_region", code: region[1]! };
  const report = /^\/reports\/([1-9]\d*)\/(\d{4})(?:\/(edit|history|print))?$/.exec(path);
  if (report) {
    const page = (report[3] ?? "report") as "report" | "edit" | "history" | "print";
    return { page, agencyId: Number(report[1]), year: Number(report[2]) };
  }
  return { page: "not_found" };
}

export const reportPath = (agencyId: number, year: number) => `/reports/${agencyId}/${year}`;
export const agencyProfilePath = (agencyId: number) => `/dashboard/agency/${agencyId}`;
export const publicAgencyPath = (agencyId: number) => `/public/agency/${agencyId}`;
export const publicReportPath = (agencyId: number, year: number) =>
  `/public/agency/${agencyId}/${year}`;
export const publicRegionPath = (code: string) => `/public/region/${code}`;
export const EMBED_BUILDER_PATH = "/dashboard/embed";

/** Goes to `to` inside the app. Everyone who reads the location (router, useUrlState) hears it. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  window.dispatchEvent(new PopStateEvent("popstate"));
}

/** A same-origin path to return to after signing in; anything else falls back to home. */
export function safeNext(next: string | null): string {
  // "//host" and "/\host" are read by browsers as another origin.
  return next && /^\/(?![/\\])/.test(next) ? next : "/";
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("popstate", onChange);
  return () => window.removeEventListener("popstate", onChange);
}

const snapshot = () => window.location.pathname + window.location.search + window.location.hash;

/** The current location; components re-render whenever it changes. */
export function useLocation() {
  useSyncExternalStore(subscribe, snapshot);
  const { pathname, search, hash } = window.location;
  return { pathname, search, hash };
}
