import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { z } from "zod";
import { describeIssues } from "../report/document";
import { validationFailed } from "./errors";

/**
 * zod validation at the edge with one error shape for every route: a 400 listing every
 * bad field path in Chinese and English (malformed JSON is mapped in the app's onError).
 */
export const validate = <T extends keyof ValidationTargets, S extends z.ZodType>(
  target: T,
  schema: S,
) =>
  zValidator(target, schema, (result) => {
    if (!result.success)
      throw validationFailed(describeIssues(result.error as unknown as z.ZodError));
  });
