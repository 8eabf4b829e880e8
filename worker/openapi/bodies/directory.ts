/**
 * The agency directory as staff see it (`/api/agencies`): the public fields with the
 * materialized path and the timestamps of edits. Strict objects: a field a handler adds must
 * be added here.
 */

import { z } from "zod";
import { agencyFacts, instant, pageFrame, rowId } from "./primitives";

/** `presentAgency` in `worker/http/present.ts`. */
export const agencySchema = z
  .strictObject({
    id: rowId,
    name: z.string(),
    ...agencyFacts,
    parent_id: rowId.nullable(),
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
    ...pageFrame,
  })
  .meta({ id: "AgencyPage" });
