import type { Database } from "../worker/db/client";
import type { Dataset } from "./dataset";
import type { MeasureOptions } from "./measure";

/** One printed figure. Targets are upper bounds unless `better` says otherwise. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** null: shown for information, nothing to meet. */
  target: number | null;
  better?: "lower" | "higher";
}

export interface BenchContext {
  dataset: Dataset;
  /** The Worker's own database layer (`createDatabase`) over better-sqlite3 on the same file. */
  sqlite: Database;
  /** Base URL of the built Worker served by `wrangler dev` on that file. */
  worker: string;
  timing: MeasureOptions;
  log: (line: string) => void;
}

/** A measured case; add one by writing a module in bench/cases/ and listing it in bench/cases.ts. */
export interface BenchCase {
  name: string;
  run(context: BenchContext): Figure[] | Promise<Figure[]>;
}
