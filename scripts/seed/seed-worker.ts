import { createDatabase } from "../../worker/db/client";
import { seedDemo, type SeedInput } from "./seed-demo";

/** Runs the demo seed inside workerd (see scripts/lib/in-workerd.ts). */
export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const input = await request.json<SeedInput>();
    const summary = await seedDemo(createDatabase(env.DB), {
      ...input,
      now: new Date(),
      log: (line) => console.log(line),
    });
    return Response.json(summary);
  },
};
