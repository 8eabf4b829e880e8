import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

export default defineConfig(async () => {
  const migrations = await readD1Migrations("./migrations");
  return {
    test: {
      projects: [
        {
          test: {
            name: "unit",
            include: [
              "tests/report/**/*.test.ts",
              "tests/scripts/**/*.test.ts",
              "tests/import/**/*.test.ts",
              "tests/embed/**/*.test.ts",
            ],
            environment: "node",
          },
        },
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: {
                bindings: { TEST_MIGRATIONS: migrations },
                // Every worker suite calls from one address ("local") in one runtime, so the
                // deployed per-address allowance would be shared by all their anonymous requests:
                // they get a generous one, and anonymous-cost.test.ts a small one it can spend.
                ratelimits: {
                  ANON_LIMITER: { simple: { limit: 1_000_000, period: 60 } },
                  TEST_ANON_LIMITER: { simple: { limit: 3, period: 60 } },
                  CHASE_LIMITER: { simple: { limit: 5, period: 60 } },
                },
              },
            }),
          ],
          test: {
            name: "worker",
            include: ["tests/worker/**/*.test.ts"],
            setupFiles: ["./tests/worker/apply-migrations.ts"],
          },
        },
        {
          test: {
            name: "web",
            include: ["tests/web/**/*.test.{ts,tsx}"],
            environment: "jsdom",
          },
        },
      ],
    },
  };
});
