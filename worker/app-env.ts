import type { Actor } from "./auth/roles";
import type { Database } from "./db/client";
import type { Identity } from "./middleware/actor";

export interface AppEnv {
  Bindings: Env;
  Variables: {
    db: Database;
    actor: Actor;
    identity: Identity;
    now: Date;
  };
}
