import type { BenchCase } from "./bench-case";
import { bundleSize } from "./cases/bundle-size";
import { compareProvince } from "./cases/compare-province";
import {
  compareLargeProvince,
  compareLargeProvinceFiveYears,
  overviewLargeProvince,
} from "./cases/dashboard-large-province";
import { deadlineDay } from "./cases/deadline-day";
import { embedSize } from "./cases/embed-size";
import { embedThroughput } from "./cases/embed-throughput";
import { firstChart } from "./cases/first-chart";
import { overviewNational } from "./cases/overview-national";
import { parseHtmlThroughput } from "./cases/parse-html-throughput";
import { parseThroughput } from "./cases/parse-throughput";
import { rollupNational } from "./cases/rollup-national";
import { rollupProvince } from "./cases/rollup-province";
import { rollupLargeProvinceRegion } from "./cases/rollup-region-scope";
import { rulesFullReport } from "./cases/rules-full-report";

/** Every case `npm run bench` runs, in order. */
export const CASES: readonly BenchCase[] = [
  rollupProvince,
  compareProvince,
  rollupNational,
  overviewNational,
  rulesFullReport,
  bundleSize,
  parseThroughput,
  parseHtmlThroughput,
  overviewLargeProvince,
  rollupLargeProvinceRegion,
  compareLargeProvince,
  compareLargeProvinceFiveYears,
  firstChart,
  embedSize,
  embedThroughput,
  deadlineDay,
];
