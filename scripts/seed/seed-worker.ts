import { createDatabase } from "../../worker/db/client";
import { seedDemo, type SeedInput } from "./seed-demo";

/**
 * The EMAIL binding as `wrangler dev` simulates it for the running demo: it accepts each message
 * and sends nothing. The seed's e-mails are thus recorded in the outbox as sent, like the demo's
 * own, where without a binding each would be recorded as failed ("no EMAIL binding").
 */
const LOCAL_EMAIL: SendEmail = {
  send: () => Promise.resolve({ messageId: "<seed@demo.nianbao.cn>" }),
};

/** Runs the demo seed inside workerd (see scripts/lib/in-workerd.ts). */
export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const input = await request.json<SeedInput>();
    const { now, settings, ...rest } = input;
    const summary = await seedDemo(createDatabase(env.DB), {
      ...rest,
      now: new Date(now),
      mail: { ...settings, EMAIL: LOCAL_EMAIL },
      log: (line) => console.log(line),
    });
    return Response.json(summary);
  },
};
