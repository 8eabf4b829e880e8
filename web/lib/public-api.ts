/**
 * The answers of the open-data routes (`/api/public/*`), inferred from the routes themselves so
 * that the public pages never hold a hand-written copy of a response type.
 */

import type { InferResponseType } from "hono/client";
import type { Api, Json } from "../api";

type Public = Api["public"];
type Agencies = Public["agencies"];
type Report = Agencies[":id"]["reports"][":year"];

type PublicAgencyList = Json<InferResponseType<Agencies["$get"], 200>>;
export type PublicAgency = PublicAgencyList["items"][number];
export type PublicAgencyDetail = Json<InferResponseType<Agencies[":id"]["$get"], 200>>;
export type PublicReport = Json<InferResponseType<Report["$get"], 200>>;
export type PublicCorrections = Json<InferResponseType<Report["corrections"]["$get"], 200>>;
export type PublicRollup = Json<InferResponseType<Public["rollup"]["$get"], 200>>;
export type PublicSeries = Json<InferResponseType<Public["series"]["$get"], 200>>;
export type PublicIndicators = Json<InferResponseType<Public["indicators"]["$get"], 200>>;

/** Who a figure is read for: one agency's own report, or a region's sum by region-code prefix. */
export type PublicSubject = { agency: number } | { region: string; scope: "self" | "region" };

/** The open-data downloads of one year: every published report as one CSV, and its description. */
export const bulkCsvUrl = (year: number) => `/api/public/bulk/${year}.csv`;
export const bulkPackageUrl = (year: number) => `/api/public/bulk/${year}/datapackage.json`;
export const OPENAPI_URL = "/api/openapi.json";
