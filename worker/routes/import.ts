import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { ApiError } from "../http/errors";
import { reportingYear } from "../report/reporting-era";
import { errors, jsonAnswer, jsonBody, WRITE_ERRORS } from "../openapi/contract";
import { importResultSchema } from "../openapi/bodies/reports";
import { routeGroup } from "../openapi/route-group";
import { authorize } from "../middleware/actor";
import { parseReportText } from "../import/parse-report";

const importBody = z.strictObject({
  text: z.string().min(1, "请粘贴报告全文").max(500_000).meta({
    description:
      "已发布报告的全文（网页复制或从 PDF 提取）。The published report's whole text, copied from a web page or extracted from a PDF.",
  }),
  year_hint: reportingYear.optional().meta({
    description: "文本未写明年度时使用的年度。The year to use when the text states none.",
  }),
});

const importRoute = createRoute({
  method: "post",
  path: "/",
  operationId: "importReportText",
  summary: "从报告全文读取数据",
  description:
    "Reads a published report's text into the canonical document with, for every value, the line it came from, the importer's warnings and the rules' findings. Nothing is saved: the caller reviews the document and saves it. 422 when the text cannot be read as a report (no year found, nothing recognisable).",
  tags: ["import"],
  middleware: [authorize("agency.read")],
  request: { body: jsonBody(importBody) },
  responses: {
    200: jsonAnswer("The document read from the text.", importResultSchema),
    ...WRITE_ERRORS,
    ...errors(422),
  },
});

/**
 * Reads a published report's text into the canonical document with, for every value, the line
 * it came from, and the rule findings. Nothing is saved: the caller reviews and saves it.
 */
export const importRoutes = routeGroup().openapi(importRoute, (c) => {
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
});
