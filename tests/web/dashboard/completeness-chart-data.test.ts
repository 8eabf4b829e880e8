import { describe, expect, it } from "vitest";
import {
  completenessConfig,
  completenessRows,
  PUBLIC_STATES,
  statesOf,
  WORKFLOW_STATES,
} from "../../../web/lib/completeness-chart-data";
import { OKABE_ITO } from "../../../web/lib/palette";

describe("completeness chart data", () => {
  it("tells the public answer from the staff one by its pending count", () => {
    expect(statesOf({ approved: 1, pending: 0, missing: 0 })).toBe(PUBLIC_STATES);
    expect(statesOf({ approved: 1, submitted: 0, draft: 0, missing: 0, late: 0 })).toBe(
      WORKFLOW_STATES,
    );
  });

  it("orders levels from province down and sums each row's states", () => {
    const rows = completenessRows(
      {
        county: { approved: 1, pending: 2, missing: 3 },
        province: { approved: 1, pending: 0, missing: 0 },
      },
      PUBLIC_STATES,
    );
    expect(rows.map((r) => r.level)).toEqual(["province", "county"]);
    expect(rows[1]).toEqual({
      level: "county",
      counts: { approved: 1, pending: 2, missing: 3 },
      late: null,
      total: 6,
    });
  });

  it("colours every series from the one palette", () => {
    const palette = Object.values(OKABE_ITO) as string[];
    for (const config of Object.values(completenessConfig)) {
      expect(palette).toContain(config.colour);
    }
  });
});
