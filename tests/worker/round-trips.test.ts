import { createExecutionContext, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { runBatch } from "../../worker/db/batch";
import { createDatabase } from "../../worker/db/client";
import { countRoundTrips, ROUND_TRIPS_HEADER } from "../../worker/db/round-trips";
import app from "../../worker/index";
import { sql } from "drizzle-orm";
import { admin, createAgency, publish, requestJson, type Session } from "./api";
import { validDocument } from "./builders";

/** A request through the app with the bench's `--var COUNT_D1_ROUND_TRIPS:1`. */
async function counted(path: string, init: RequestInit & { as?: Session; json?: unknown } = {}) {
  const headers = new Headers(init.headers);
  if (init.as) {
    headers.set("cookie", init.as.cookie);
    headers.set("x-csrf-token", init.as.csrf);
  }
  if (init.json !== undefined) headers.set("content-type", "application/json");
  const response = await app.request(
    `http://localhost${path}`,
    {
      ...init,
      headers,
      body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
    },
    { ...env, COUNT_D1_ROUND_TRIPS: "1" },
    createExecutionContext(),
  );
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : null,
    roundTrips: Number(response.headers.get(ROUND_TRIPS_HEADER)),
  };
}

describe("D1 round trips", () => {
  it("counts each statement run and each batch as one, and the batch still takes the statements", async () => {
    const counter = { count: 0 };
    const client = countRoundTrips(env.DB, counter);
    expect(await client.prepare("SELECT 1 AS one").first("one")).toBe(1);
    expect((await client.prepare("SELECT ? AS n").bind(2).all()).results).toEqual([{ n: 2 }]);
    const results = await runBatch(createDatabase(client), [
      sql`SELECT ${3} AS n`,
      sql`SELECT ${4} AS n`,
      sql`SELECT ${5} AS n`,
    ]);
    expect(results.map((r) => r.results)).toEqual([[{ n: 3 }], [{ n: 4 }], [{ n: 5 }]]);
    expect(counter.count).toBe(3);
  });

  it("are told in x-d1-round-trips only when COUNT_D1_ROUND_TRIPS is set", async () => {
    const plain = await app.request(
      "http://localhost/api/health",
      {},
      env,
      createExecutionContext(),
    );
    expect(plain.headers.has(ROUND_TRIPS_HEADER)).toBe(false);
    expect((await counted("/api/health")).roundTrips).toBe(1);
  });

  it("a save answers the report as its one batch left it: what reading it back gives", async () => {
    const as = await admin();
    const agency = await createAgency();
    const first = await counted(`/api/agencies/${agency.id}/reports/2022`, {
      method: "PUT",
      as,
      json: { base_revision: 0, document: validDocument(2022) },
    });
    expect(first.status).toBe(201);
    await publish(agency.id, 2022, 1);
    const correction = await counted(`/api/agencies/${agency.id}/reports/2022`, {
      method: "PUT",
      as,
      json: {
        base_revision: 1,
        document: validDocument(2022, (d) => (d.metrics!.website_visits = 7)),
        note: "更正",
      },
    });
    expect(correction.status).toBe(200);
    const read = await requestJson(`/api/agencies/${agency.id}/reports/2022`, { as });
    const { explanations: _, ...stored } = read.body;
    expect(correction.body).toEqual({ ...stored, unchanged: false });
    expect(correction.body.report).toMatchObject({ status: "draft", published_revision: 1 });
    // The session; the agency with this and last year's report, read together; the save's
    // batch, its audit entry among it.
    expect(correction.roundTrips).toBe(3);
    // The session; the agency, the report, its revisions and its review trail, read together.
    const counting = await counted(`/api/agencies/${agency.id}/reports/2022`, { as });
    expect(counting.status).toBe(200);
    expect(counting.body.revision.number).toBe(2);
    expect(counting.roundTrips).toBe(2);
  });
});
