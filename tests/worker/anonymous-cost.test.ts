import { createExecutionContext, env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import app from "../../worker/index";
import {
  createAgency,
  publish,
  request,
  requestJson,
  saveDocument,
  signIn,
  type Session,
} from "./api";
import { validDocument } from "./builders";

/** The aggregates that read whole regions uncached, each asked about the test's own agency. */
const AGGREGATES = (under: number) => [
  `/api/compare?figure=section3.new_received.total&years=2022&under=${under}`,
  `/api/quality?year=2022&under=${under}`,
  `/api/rollup?year=2022&under=${under}`,
  `/api/rollup/ledger?year=2022&under=${under}`,
  `/api/overview?year=2022&under=${under}`,
  `/api/region-report?year=2022&under=${under}`,
];

let agencyId: number;
let reviewer: Session;

beforeAll(async () => {
  const agency = await createAgency({ level: "county", kind: "government", scope: "region" });
  agencyId = agency.id;
  const saved = await saveDocument(agencyId, validDocument(2022));
  expect(saved.status).toBe(201);
  await publish(agencyId, 2022, 1);
  reviewer = await signIn("reviewer", { regionAgencyId: agencyId });
});

describe("the staff's aggregates", () => {
  it("refuse a caller with neither session nor token, and name the public API instead", async () => {
    for (const path of AGGREGATES(agencyId)) {
      const { status, body } = await requestJson(path);
      expect({ path, status }).toEqual({ path, status: 401 });
      expect(body.error.code).toBe("authentication_required");
      expect(body.error.message).toContain("/api/public/");
    }
  });

  it("answer a signed-in reviewer of the region", async () => {
    for (const path of AGGREGATES(agencyId)) {
      const response = await request(path, { as: reviewer });
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      await response.body?.cancel();
    }
  });

  it("leave the cached public aggregates open to everyone", async () => {
    const response = await request(`/api/public/rollup?year=2022&under=${agencyId}`);
    expect(response.status).toBe(200);
    await response.body?.cancel();
  });
});

/**
 * Requests through the app with a small allowance (TEST_ANON_LIMITER, 3 a minute in
 * vitest.config.ts) in place of ANON_LIMITER, from an address of their own.
 */
function limited(address: string) {
  const testEnv = {
    ...env,
    ANON_LIMITER: (env as unknown as { TEST_ANON_LIMITER: RateLimit }).TEST_ANON_LIMITER,
  };
  return async (path: string, headers: Record<string, string> = {}) =>
    app.request(
      `http://localhost${path}`,
      { headers: { "cf-connecting-ip": address, ...headers } },
      testEnv,
      createExecutionContext(),
    );
}

/** A fresh address for each test (and each run: the limiter outlives a test file). */
const address = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}-${crypto.randomUUID()}`;

async function spend(send: (path: string) => Promise<Response>, path: string) {
  for (let i = 0; i < 3; i++) {
    const response = await send(path);
    expect(response.status).not.toBe(429);
    await response.body?.cancel();
  }
}

describe("anonymous traffic past its allowance", () => {
  it("is answered 429 rate_limited with Retry-After on the open API", async () => {
    const send = limited(address());
    await spend(send, "/api/public/agencies");
    const response = await send("/api/public/agencies");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("60");
    const body = await response.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toContain("60 秒后重试");
  });

  it("is answered 429 on embeds and on the API without a session", async () => {
    const send = limited(address());
    await spend(send, "/embed/loader.js");
    const embed = await send(`/embed/agency/${agencyId}`);
    expect(embed.status).toBe(429);
    expect(embed.headers.get("retry-after")).toBe("60");
    await embed.body?.cancel();
    // A browser framing the embed is shown a sentence, in the embed's language, not JSON.
    const framed = await send(`/embed/agency/${agencyId}?lang=en`, { accept: "text/html" });
    expect(framed.status).toBe(429);
    expect(framed.headers.get("content-type")).toContain("text/html");
    expect(await framed.text()).toContain("Too many requests");
    const api = await send("/api/reports");
    expect(api.status).toBe(429);
    await api.body?.cancel();
  });

  it("does not hold back a signed-in caller from the same address, nor another address", async () => {
    const address1 = address();
    const send = limited(address1);
    await spend(send, "/api/reports");
    const anonymous = await send("/api/reports");
    expect(anonymous.status).toBe(429);
    await anonymous.body?.cancel();

    const signedIn = await send(`/api/rollup?year=2022&under=${agencyId}`, {
      cookie: reviewer.cookie,
    });
    expect(signedIn.status).toBe(200);
    await signedIn.body?.cancel();

    const other = await limited(address())("/api/reports");
    expect(other.status).toBe(200);
    await other.body?.cancel();
  });
});
