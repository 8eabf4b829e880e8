import { z } from "zod";
import { count, rowId, year } from "./primitives";

/** `GET /api/season`: where the season stands, so that every page opens on data. */
export const seasonSchema = z
  .strictObject({
    open_year: year.nullable().meta({
      description:
        "正在填报的年度：管理员最近设置了填报期限的年度；未设置为 null。The year in season: the newest one an administrator set deadlines for.",
    }),
    deadlines: z
      .strictObject({ department_deadline: z.iso.date(), government_deadline: z.iso.date() })
      .nullable(),
    years: z.array(z.strictObject({ year, published: count })).meta({
      description:
        "有已发布报告的年度（最新在前）及其报告数。The years with published reports, newest first.",
    }),
    default_year: year.meta({
      description:
        "看板默认年度：正在填报的年度，否则为最近有已发布报告的年度。The year pages open on: the open one, else the newest with published reports.",
    }),
    default_region: z.strictObject({ id: rowId, name: z.string() }).nullable().meta({
      description:
        "看板默认地区：审核员为其审核地区，其他人为机构最多的地区。The region pages open on: a reviewer's own, else the one with the most agencies.",
    }),
  })
  .meta({ id: "Season" });
