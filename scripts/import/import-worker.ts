import { createDatabase } from "../../worker/db/client";
import {
  importReport,
  type ImportItem,
  type ImportOutcome,
} from "../../worker/services/import-report";

export interface ImportBatch {
  items: ImportItem[];
  createUnder: number | null;
}

/** Saves a batch of parsed reports inside workerd (see scripts/lib/in-workerd.ts). */
export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const batch = (await request.json()) as ImportBatch;
    const db = createDatabase(env.DB);
    const outcomes: ImportOutcome[] = [];
    for (const item of batch.items) {
      try {
        outcomes.push(
          await importReport(db, item, {
            createUnder: batch.createUnder,
            author: "批量导入",
            now: new Date(),
          }),
        );
      } catch (error) {
        outcomes.push({ source: item.source, status: "failed", reason: (error as Error).message });
      }
    }
    return Response.json(outcomes);
  },
};
