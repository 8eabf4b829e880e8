import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { z } from "zod";
import { describeIssues } from "../report/document";
import { unsupportedMediaType, validationFailed } from "./errors";

/**
 * zod validation at the edge with one error shape for every route: a 400 listing every
 * bad field path in Chinese and English (malformed JSON is mapped in the app's onError).
 * A JSON body must say so: anything else would be read as `{}`, and a PATCH of nothing
 * would answer 200 having done nothing.
 */
export const validate = <T extends keyof ValidationTargets, S extends z.ZodType>(
  target: T,
  schema: S,
) => {
  const check = zValidator(target, schema, (result) => {
    if (!result.success)
      throw validationFailed(describeIssues(result.error as unknown as z.ZodError));
  });
  if (target !== "json") return check;
  const jsonOnly: typeof check = (c, next) => {
    if (!isJson(c.req.header("content-type"))) throw unsupportedMediaType();
    return check(c, next);
  };
  return jsonOnly;
};

export const isJson = (contentType: string | undefined) =>
  /^application\/([\w.-]+\+)?json$/i.test((contentType ?? "").split(";")[0]!.trim());
