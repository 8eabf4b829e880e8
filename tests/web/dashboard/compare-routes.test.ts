import { describe, expect, it } from "vitest";
import { matchRoute } from "../../../web/lib/router";

describe("compare and quality routes", () => {
  it("maps /dashboard/compare and /dashboard/quality to their pages", () => {
    expect(matchRoute("/dashboard/compare")).toEqual({ page: "compare" });
    expect(matchRoute("/dashboard/quality/")).toEqual({ page: "quality" });
  });
});
