/**
 * The audit log's answer: each entry as recorded (machine codes: `auth.login`, `user:12`) and
 * the name of the record it is about, so that a reader sees 王某 where the log says `user:12`.
 */

import { z } from "zod";
import { auditLogSchema as recordedLogSchema } from "./accounts";

const auditEntrySchema = recordedLogSchema.shape.items.element
  .extend({
    target_name: z
      .string()
      .nullable()
      .meta({
        description:
          "对象的名称：用户名、机构名或令牌名；对象没有名称或已删除时为 null。The name of the user, agency or API token the entry is about; null when the target names no record or the record is gone.",
        examples: ["王某", "示范省人民政府办公厅"],
      }),
  })
  .meta({ id: "AuditEntry" });

export const auditLogSchema = z
  .strictObject({ items: z.array(auditEntrySchema), total: recordedLogSchema.shape.total })
  .meta({ id: "AuditLog" });
