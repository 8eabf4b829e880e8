/**
 * The answers of the open-data routes (`/api/public/*`), inferred from the routes themselves so
 * that the public pages never hold a hand-written copy of a response type.
 */

import type { InferResponseType } from "hono/client";
import type { api } from "../api";
import type { Correction } from "./account-types";

type Agencies = typeof api.public.agencies;
type Report = Agencies[":id"]["reports"][":year"];

export type PublicAgencyList = InferResponseType<Agencies["$get"], 200>;
export type PublicAgency = PublicAgencyList["items"][number];
export type PublicAgencyDetail = InferResponseType<Agencies[":id"]["$get"], 200>;
export type PublicReport = InferResponseType<Report["$get"], 200>;
/** The route types `changes` as parsed JSON; each is a cell's path with its values before and after. */
export type PublicCorrections = Omit<
  InferResponseType<Report["corrections"]["$get"], 200>,
  "items"
> & {
  items: Correction[];
};
export type PublicRollup = InferResponseType<(typeof api.public.rollup)["$get"], 200>;
export type PublicSeries = InferResponseType<(typeof api.public.series)["$get"], 200>;
export type PublicIndicators = InferResponseType<(typeof api.public.indicators)["$get"], 200>;

/** Who a figure is read for: one agency's own report, or a region's sum by region-code prefix. */
export type PublicSubject = { agency: number } | { region: string; scope: "self" | "region" };

export const PUBLIC_AGENCIES = "/api/public/agencies";
export const publicAgencyApi = (id: number) => `${PUBLIC_AGENCIES}/${id}`;
export const publicReportApi = (id: number, year: number) =>
  `${PUBLIC_AGENCIES}/${id}/reports/${year}`;
/** The open-data downloads of one year: every published report as one CSV, and its description. */
export const bulkCsvUrl = (year: number) => `/api/public/bulk/${year}.csv`;
export const bulkPackageUrl = (year: number) => `/api/public/bulk/${year}/datapackage.json`;
export const OPENAPI_URL = "/api/openapi.json";
