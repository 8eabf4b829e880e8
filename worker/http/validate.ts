import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { z } from "zod";
import { describeIssues } from "../report/document";
import { validationFailed } from "./errors";

/**
 * The one 400 of every route: each bad field path, in Chinese and English (malformed JSON and
 * a body that is not JSON are mapped in the app's onError and `routeGroup()`).
 */
export function refuseInvalid(result: { success: true } | { success: false; error: z.ZodError }) {
  if (!result.success) throw validationFailed(describeIssues(result.error));
}

/** zod validation for a route that cannot be declared with `createRoute` (its path is a pattern). */
export const validate = <T extends keyof ValidationTargets, S extends z.ZodType>(
  target: T,
  schema: S,
) =>
  zValidator(target, schema, (result) =>
    refuseInvalid(result as Parameters<typeof refuseInvalid>[0]),
  );

export const isJson = (contentType: string | undefined) =>
  /^application\/([\w.-]+\+)?json$/i.test((contentType ?? "").split(";")[0]!.trim());
