import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { listDeadlines, upsertDeadline } from "../db/queries/deadlines";
import { year } from "../http/params";
import { validate } from "../http/validate";
import { authorize } from "../middleware/actor";
import { audit } from "../http/audit-entry";

const isoDate = z.iso.date("日期格式应为 YYYY-MM-DD");

export const deadlineRoutes = new Hono<AppEnv>()
  .get("/", authorize("agency.read"), async (c) => {
    const rows = await listDeadlines(c.var.db);
    return c.json(
      {
        items: rows.map((d) => ({
          year: d.year,
          department_deadline: d.departmentDeadline,
          government_deadline: d.governmentDeadline,
        })),
      },
      200,
    );
  })
  .put(
    "/:year",
    authorize("deadline.manage"),
    validate("param", z.object({ year })),
    validate(
      "json",
      z.strictObject({ department_deadline: isoDate, government_deadline: isoDate }),
    ),
    async (c) => {
      const { year: reportYear } = c.req.valid("param");
      const body = c.req.valid("json");
      const deadline = {
        year: reportYear,
        departmentDeadline: body.department_deadline,
        governmentDeadline: body.government_deadline,
      };
      await upsertDeadline(c.var.db, deadline);
      await audit(c, "deadline.update", `year:${reportYear}`, body);
      return c.json({ year: reportYear, ...body }, 200);
    },
  );
