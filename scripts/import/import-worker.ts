import { createDatabase } from "../../worker/db/client";
import { importBatch, type ImportBatch } from "../../worker/services/import-report";

/** Saves a batch of parsed reports inside workerd (see scripts/lib/in-workerd.ts). */
export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const batch = await request.json<ImportBatch>();
    return Response.json(await importBatch(createDatabase(env.DB), batch));
  },
};
