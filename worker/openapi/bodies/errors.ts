import { z } from "zod";

/** `worker/http/errors.ts`: one shape for every error answer. */
export const errorBodySchema = z
  .looseObject({
    error: z.strictObject({
      code: z.string().meta({ examples: ["validation_failed", "not_found"] }),
      message: z.string().meta({ description: "中文说明。" }),
      message_en: z.string(),
      issues: z
        .array(
          z.strictObject({
            path: z.string().meta({ description: "Dotted field path; '' for the whole input." }),
            code: z.string(),
            message: z.string(),
            message_en: z.string(),
          }),
        )
        .optional()
        .meta({ description: "每个无效字段一项（400）。One entry per invalid field (400)." }),
    }),
  })
  .meta({ id: "ErrorBody" });
