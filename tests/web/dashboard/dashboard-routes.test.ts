import { describe, expect, it } from "vitest";
import { navItems } from "../../../web/components/app-header";
import { matchRoute } from "../../../web/lib/router";
import { aUser } from "../builders";

describe("dashboard routes", () => {
  it("maps /dashboard and its region report to their pages", () => {
    expect(matchRoute("/dashboard")).toEqual({ page: "dashboard" });
    expect(matchRoute("/dashboard/")).toEqual({ page: "dashboard" });
    expect(matchRoute("/dashboard/region-report")).toEqual({ page: "region_report" });
  });

  it("offers the dashboard to administrators and reviewers only", () => {
    const hasDashboard = (role: "admin" | "reviewer" | "submitter") =>
      navItems(aUser({ role })).some((item) => item.to === "/dashboard");
    expect(hasDashboard("admin")).toBe(true);
    expect(hasDashboard("reviewer")).toBe(true);
    expect(hasDashboard("submitter")).toBe(false);
    expect(navItems(null).some((item) => item.to === "/dashboard")).toBe(false);
  });
});
