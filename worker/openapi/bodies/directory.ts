/**
 * The agency directory as staff see it (`/api/agencies`): the public fields with the
 * materialized path and the timestamps of edits. Strict objects: a field a handler adds must
 * be added here.
 */

import { z } from "zod";
import { count, instant, rowId } from "./primitives";
import { AGENCY_KINDS, AGENCY_LEVELS, AGENCY_SCOPES } from "../../db/schema";

/** `presentAgency` in `worker/http/present.ts`. */
export const agencySchema = z
  .strictObject({
    id: rowId,
    name: z.string(),
    level: z.enum(AGENCY_LEVELS),
    kind: z.enum(AGENCY_KINDS),
    scope: z.enum(AGENCY_SCOPES).meta({
      description:
        "region：报告全地区汇总；self：报告本机关。Whether the agency reports for its whole region or for itself.",
    }),
    parent_id: rowId.nullable(),
    region_code: z.string().regex(/^\d{6}$/),
    path: z
      .string()
      .regex(/^\/(\d+\/)+$/)
      .meta({
        description:
          "自顶层起的各级机构编号，如 /1/7/42/。The ids from the top agency down to this one, e.g. /1/7/42/.",
      }),
    created_at: instant,
    updated_at: instant,
  })
  .meta({ id: "Agency" });

export const agencyPageSchema = z
  .strictObject({
    items: z.array(agencySchema),
    total: count,
    limit: z.int().min(1).max(1000),
    offset: count,
  })
  .meta({ id: "AgencyPage" });
