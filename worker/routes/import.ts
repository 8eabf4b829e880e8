import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { ApiError } from "../http/errors";
import { reportingYear } from "../report/reporting-era";
import { validate } from "../http/validate";
import { authorize } from "../middleware/actor";
import { parseReportText } from "../import/parse-report";

const importBody = z.strictObject({
  text: z.string().min(1, "请粘贴报告全文").max(500_000),
  year_hint: reportingYear.optional(),
});

/**
 * Reads a published report's text into the canonical document with, for every value, the line
 * it came from, and the rule findings. Nothing is saved: the caller reviews and saves it.
 */
export const importRoutes = new Hono<AppEnv>().post(
  "/",
  authorize("agency.read"),
  validate("json", importBody),
  (c) => {
    const body = c.req.valid("json");
    const result = parseReportText(body.text, { yearHint: body.year_hint });
    if (!result.ok) {
      throw new ApiError(422, result.error.code, result.error.message, result.error.message_en);
    }
    return c.json(
      {
        document: result.document,
        agency: result.agency,
        year: result.year,
        provenance: result.provenance,
        warnings: result.warnings,
        findings: result.findings,
      },
      200,
    );
  },
);
