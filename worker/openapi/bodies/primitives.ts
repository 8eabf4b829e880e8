import { z } from "zod";
import { AGENCY_KINDS, AGENCY_LEVELS, AGENCY_SCOPES } from "../../report/vocabulary";

/** The values answers are made of, each described once. */
export const count = z.int().nonnegative();
export const rowId = z.int().positive();
export const year = z.int().min(1990).max(2100);
export const instant = z.iso.datetime().meta({ description: "ISO 8601, UTC" });
/** A figure: null where the report (or every report summed) left it blank. */
export const figureValue = z.number().nullable();

export const regionCode = z.string().regex(/^\d{6}$/);
export const agencyScope = z.enum(AGENCY_SCOPES).meta({
  description:
    "region：全地区汇总的报告；self：本机关的报告。两者不可互相比较。A whole-region report or the agency's own; never compare the one with the other.",
});

/** What every answer that names an agency says of it. */
export const agencyFacts = {
  level: z.enum(AGENCY_LEVELS),
  kind: z.enum(AGENCY_KINDS),
  scope: agencyScope,
  region_code: regionCode,
};

/** The frame of a page of a list (`pagination` in `worker/http/params.ts`). */
export const pageFrame = {
  total: count,
  limit: z.int().min(1).max(1000),
  offset: count,
};
