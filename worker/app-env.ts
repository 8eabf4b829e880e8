import type { Database } from "./db/client";
import type { Actor } from "./middleware/actor";

export interface AppEnv {
  Bindings: Env;
  Variables: {
    db: Database;
    actor: Actor;
    now: Date;
  };
}
