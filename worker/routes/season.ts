import { createRoute } from "@hono/zod-openapi";
import { largestRegion, openSeason, publishedYears } from "../db/queries/season";
import { authorize } from "../middleware/actor";
import { jsonAnswer } from "../openapi/contract";
import { seasonSchema } from "../openapi/bodies/season";
import { routeGroup } from "../openapi/route-group";

const seasonRoute = createRoute({
  method: "get",
  path: "/",
  operationId: "getSeason",
  summary: "填报季",
  description:
    "The open reporting year with its deadlines, the years with published reports, and the year and region the dashboards open on for this caller.",
  tags: ["reports"],
  middleware: [authorize("agency.read")],
  responses: { 200: jsonAnswer("Where the season stands.", seasonSchema) },
});

/** `/api/season`: what every page needs to open on data rather than on an empty year. */
export const seasonRoutes = routeGroup().openapi(seasonRoute, async (c) => {
  const db = c.var.db;
  const user = c.var.identity.user;
  const [open, years, largest] = await Promise.all([
    openSeason(db, c.var.now),
    publishedYears(db),
    user?.user.regionAgencyId ? Promise.resolve(undefined) : largestRegion(db),
  ]);
  const ownRegion =
    user?.user.regionAgencyId && user.regionName
      ? { id: user.user.regionAgencyId, name: user.regionName }
      : null;
  return c.json(
    {
      open_year: open?.year ?? null,
      deadlines: open
        ? {
            department_deadline: open.department_deadline,
            government_deadline: open.government_deadline,
          }
        : null,
      years,
      default_year: open?.year ?? years[0]?.year ?? c.var.now.getUTCFullYear() - 1,
      default_region: ownRegion ?? largest ?? null,
    },
    200,
  );
});
