import { defineConfig } from "drizzle-kit";

// `drizzle-kit generate` writes new migrations only. Some existing migrations carry SQL that no
// snapshot records (triggers, WITHOUT ROWID, backfills): see migrations/README.md before
// applying a generated migration that touches those tables.
export default defineConfig({
  dialect: "sqlite",
  schema: "./worker/db/schema.ts",
  out: "./migrations",
});
