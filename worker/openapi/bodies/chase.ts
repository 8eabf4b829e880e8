import { z } from "zod";

export const chasePreviewSchema = z
  .object({
    agencies: z
      .number()
      .int()
      .meta({ description: "尚未提交、将被催报的机构数。Agencies that have not submitted." }),
    recipients: z
      .number()
      .int()
      .meta({ description: "将收到提醒的人数。People who will be told." }),
    without_submitter: z
      .number()
      .int()
      .meta({ description: "没有填报员、无人可提醒的机构数。Agencies with nobody to tell." }),
    chased_today: z.number().int().meta({
      description:
        "今天已催报过的机构数（不再发送）。Agencies chased today already (not sent again).",
    }),
    names: z
      .array(z.string())
      .meta({ description: "前 20 个机构名称。The first 20 agencies' names." }),
    title: z.string().meta({
      description: "提醒的标题（以第一个机构为例）。The reminder's title, for the first agency.",
    }),
    body: z.string(),
  })
  .meta({ id: "ChasePreview" });

export const chaseResultSchema = z
  .object({
    agencies: z.number().int().meta({ description: "已催报的机构数。Agencies reminded." }),
    recipients: z.number().int().meta({ description: "收到提醒的人数。People told." }),
  })
  .meta({ id: "ChaseResult" });
