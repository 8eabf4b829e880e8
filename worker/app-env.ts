import type { Actor } from "./auth/roles";
import type { Database } from "./db/client";
import type { UserWithPlaces } from "./db/queries/users";

export interface AppEnv {
  Bindings: Env;
  Variables: {
    db: Database;
    actor: Actor;
    identity: Identity;
    now: Date;
  };
}

/** Who is asking, for the audit log and revision authors, beside the policy's Actor. */
export interface Identity {
  name: string;
  userId: number | null;
  via: "public" | "session" | "token";
  /** The cookie secret of a session, for CSRF tokens and logout. */
  sessionSecret: string | null;
  user: UserWithPlaces | null;
}
