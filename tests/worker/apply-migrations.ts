import { applyD1Migrations, env } from "cloudflare:test";

// Setup files run outside isolated storage and may run more than once; applying the
// real migrations is idempotent (applied ones are recorded), so every test file starts
// from the schema that `wrangler d1 migrations apply` produces.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
