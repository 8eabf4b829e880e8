import { describe, expect, it } from "vitest";
import { findOutliers } from "../../worker/report/outliers";
import { mad, MAD_SCALE, median, robustZ } from "../../worker/report/robust-stats";

describe("robust statistics", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it("measures spread as the median absolute deviation, unmoved by one wild value", () => {
    expect(mad([1, 2, 3, 4, 100])).toBe(1);
    expect(mad([5, 5, 5])).toBe(0);
  });

  it("scores a value in robust standard deviations from the reference median", () => {
    const result = robustZ(40, [10, 11, 12, 9, 10])!;
    expect(result.median).toBe(10);
    expect(result.mad).toBe(1);
    expect(result.z).toBeCloseTo(30 / MAD_SCALE);
  });

  it("gives no score below the minimum reference count or without spread", () => {
    expect(robustZ(40, [10, 11], 3)).toBeNull();
    expect(robustZ(40, [10, 10, 10])!.z).toBeNull();
  });
});

describe("outliers", () => {
  const row = (agencyId: number, year: number, value: number, level = "county") => ({
    agencyId,
    year,
    level,
    scope: "self",
    values: { f: value },
  });

  it("flags a year far outside the agency's own history, given three other years", () => {
    const rows = [row(1, 2019, 10), row(1, 2020, 12), row(1, 2021, 11), row(1, 2022, 90)];
    const [outlier, ...rest] = findOutliers(rows, ["f"], 2022);
    expect(rest).toEqual([]);
    expect(outlier).toMatchObject({ agency_id: 1, kind: "history", value: 90, median: 11, mad: 1 });
    expect(outlier!.z).toBeCloseTo(79 / MAD_SCALE);
    expect(findOutliers(rows.slice(1), ["f"], 2022)).toEqual([]);
  });

  it("flags a value far outside its peers of the same level, given eight peers", () => {
    const peers = [10, 11, 12, 9, 10, 11, 12, 9].map((v, i) => row(i + 10, 2022, v));
    const outliers = findOutliers([...peers, row(1, 2022, 200)], ["f"], 2022);
    expect(outliers.map((o) => [o.agency_id, o.kind])).toEqual([[1, "peers"]]);
    const tooFewPeers = findOutliers([...peers.slice(1), row(1, 2022, 200)], ["f"], 2022);
    expect(tooFewPeers).toEqual([]);
  });
});
