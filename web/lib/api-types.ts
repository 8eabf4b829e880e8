/**
 * The answers that several modules share, inferred from the routes through the typed client:
 * the web holds no hand-written copy of a response type.
 */

import type { InferResponseType } from "hono/client";
import type { Api } from "../api";

type Report = Api["agencies"][":id"]["reports"][":year"];

/** `GET /api/auth/session`: the signed-in user and the CSRF token, or nulls. */
export type SessionResponse = InferResponseType<Api["auth"]["session"]["$get"], 200>;
export type User = NonNullable<SessionResponse["user"]>;
export type Role = User["role"];

/** `GET /api/users`: one row of the user list. */
export type UserRow = InferResponseType<Api["users"]["$get"], 200>["items"][number];

/** `GET /api/agencies/:id/reports/:year`: a revision with its findings. */
export type ReportDetail = InferResponseType<Report["$get"], 200>;
export type ReportSummary = ReportDetail["report"];
export type ReportStatus = ReportSummary["status"];

export type ReviewEntry = InferResponseType<Report["reviews"]["$get"], 200>["items"][number];
export type Correction = InferResponseType<Report["corrections"]["$get"], 200>["items"][number];

/** The path parameters of a report's routes, `/api/agencies/:id/reports/:year/…`. */
export const reportParam = (agencyId: number, year: number) => ({
  id: String(agencyId),
  year: String(year),
});
