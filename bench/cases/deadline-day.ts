import type { BenchCase, BenchContext, Figure } from "../bench-case";
import { summarize } from "../measure";

/**
 * Issue 12: on deadline day, at N = 20 concurrent submitters on this machine, p95 ≤ 150 ms and
 * ≥ 120 saves/s with no edit lost; at most 3 D1 round trips per save and 2 per read.
 */
const TARGET_P95_MS = 150;
const TARGET_SAVES_PER_SECOND = 120;
const TARGET_SAVE_ROUND_TRIPS = 3;
const TARGET_READ_ROUND_TRIPS = 2;
const SUBMITTERS = [5, 10, 20] as const;
/** Saves per submitter at each N, after one untimed save each. */
const SAVES_PER_SUBMITTER = 40;
const TOKEN_NAME = "bench deadline-day";

type Document = {
  year: number;
  section3?: { rows: Record<string, (number | null)[]> } | null;
  [key: string]: unknown;
};

interface Stored {
  report: { id: number; status: string; revision: number; published: boolean };
  revision: { number: number };
  document: Document;
  findings: { rule: string; severity: string }[];
}

/** One agency's submitter: its token, its working document and what the server acknowledged. */
interface Submitter {
  agencyId: number;
  tokenId: number;
  token: string;
  path: string;
  document: Document;
  revision: number;
  published: boolean;
  findings: Stored["findings"];
  /** Table 三 cells this submitter changed ("row:column") → the last value a save acknowledged. */
  saved: Map<string, number>;
  edits: number;
}

interface Outcome {
  latencies: number[];
  roundTrips: number[];
  failures: string[];
}

/**
 * Deadline day: N submitters, each with an API token for its own agency (own-agency reports, so
 * every save moves the maintained region sums of its city and province), autosave their drafts
 * at once, closed loop: one table 三 cell changed per save, sent as the whole document on the
 * revision the last save answered, exactly as the form's autosave (web/lib/draft-sync.ts) does.
 * Then every report is read back and each changed cell compared with the last value its
 * submitter saved, and a reviewer (the admin) approves the submitted reports one by one.
 *
 * The reports are of the year after the dataset's last, on agencies of the bench province: no
 * other case reads that year. A later run continues from what an earlier one left (corrections
 * of published reports, with a reason).
 */
export const deadlineDay: BenchCase = {
  name: "deadline-day",
  async run(context) {
    const admin = await adminHeaders(context);
    const year = Math.max(...context.dataset.years) + 1;
    const count = Math.max(...SUBMITTERS);
    const agencies = await pickAgencies(context, count);
    context.log(`› ${this.name}: ${count} agencies of ${context.dataset.province.name}, ${year}`);
    const submitters: Submitter[] = [];
    try {
      for (const agencyId of agencies) {
        submitters.push(await startSubmitter(context, admin, agencyId, year));
      }
      // One untimed save each: the report exists (revision ≥ 1) before the clock starts.
      const warm = await Promise.all(submitters.map((s) => saveOnce(context, s)));
      const warmFailures = warm.filter((w) => !w.ok);
      if (warmFailures.length > 0) {
        throw new Error(`warm-up saves failed: ${warmFailures.map((w) => w.detail).join("; ")}`);
      }

      const figures: Figure[] = [await ceiling(context, submitters)];
      for (const n of SUBMITTERS) {
        figures.push(...(await savePhase(context, submitters.slice(0, n), n)));
      }
      figures.push(...(await readBack(context, admin, submitters)));
      figures.push(...(await approveAll(context, admin, submitters, year)));
      return figures;
    } finally {
      for (const s of submitters) {
        await fetch(`${context.worker}/api/tokens/${s.tokenId}`, {
          method: "DELETE",
          headers: admin,
        }).then((r) => r.body?.cancel());
      }
    }
  },
};

async function adminHeaders(context: BenchContext): Promise<Record<string, string>> {
  const headers = context.dataset.headers;
  const session = await getJson<{ csrf_token: string }>(context, "/api/auth/session", headers);
  return {
    ...headers,
    "x-csrf-token": session.body.csrf_token,
    "content-type": "application/json",
  };
}

/** Own-agency county departments of the bench province, spread over its cities. */
async function pickAgencies(context: BenchContext, count: number): Promise<number[]> {
  const under = context.dataset.province.governmentId;
  const { body } = await getJson<{ items: { id: number }[] }>(
    context,
    `/api/agencies?under=${under}&scope=self&level=county&kind=department&limit=1000`,
    context.dataset.headers,
  );
  if (body.items.length < count) {
    throw new Error(`${body.items.length} county departments under ${under}, ${count} needed`);
  }
  const step = Math.floor(body.items.length / count);
  return Array.from({ length: count }, (_, i) => body.items[i * step]!.id);
}

async function startSubmitter(
  context: BenchContext,
  admin: Record<string, string>,
  agencyId: number,
  year: number,
): Promise<Submitter> {
  const created = await send<{ id: number; token: string }>(context, "POST", "/api/tokens", admin, {
    agency_id: agencyId,
    name: TOKEN_NAME,
  });
  const path = `/api/agencies/${agencyId}/reports/${year}`;
  let current = await getJson<Stored>(context, path, admin, [404]);
  if (current.status === 200 && current.body.report.status === "submitted") {
    // Left under review by an interrupted run: back to the submitter.
    await send(context, "POST", `${path}/return`, admin, {
      revision: current.body.revision.number,
      message: "bench: reopened",
    });
    current = await getJson<Stored>(context, path, admin);
  }
  let document: Document;
  if (current.status === 200) {
    document = current.body.document;
  } else {
    // The first run starts from last year's report, as an agency's form does.
    const last = await getJson<Stored>(
      context,
      `/api/agencies/${agencyId}/reports/${year - 1}`,
      admin,
    );
    document = { ...last.body.document, year };
  }
  if (!document.section3?.rows || Object.keys(document.section3.rows).length === 0) {
    throw new Error(`agency ${agencyId} has no table 三 to edit`);
  }
  return {
    agencyId,
    tokenId: created.body.id,
    token: created.body.token,
    path,
    document,
    revision: current.status === 200 ? current.body.revision.number : 0,
    published: current.status === 200 && current.body.report.published,
    findings: current.status === 200 ? current.body.findings : [],
    saved: new Map(),
    edits: 0,
  };
}

/** Changes the submitter's next table 三 cell (its own walk over the rows) and saves. */
async function saveOnce(
  context: BenchContext,
  s: Submitter,
): Promise<{ ok: boolean; ms: number; roundTrips: number; detail: string }> {
  const rows = s.document.section3!.rows;
  const keys = Object.keys(rows).sort();
  const edit = s.edits++;
  const rowKey = keys[edit % keys.length]!;
  const column = Math.floor(edit / keys.length) % rows[rowKey]!.length;
  const value = ((rows[rowKey]![column] ?? 0) + 1 + (edit % 7)) % 100_000;
  rows[rowKey]![column] = value;
  const body = {
    base_revision: s.revision,
    document: s.document,
    ...(s.published ? { note: "bench: deadline-day correction" } : {}),
  };
  const started = performance.now();
  const response = await fetch(`${context.worker}${s.path}`, {
    method: "PUT",
    headers: { authorization: `Bearer ${s.token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  const roundTrips = Number(response.headers.get("x-d1-round-trips") ?? NaN);
  if (!response.ok) {
    // A failed autosave keeps the edit in the working document (the form retries it); the
    // read-back then finds whether a later save carried it.
    return {
      ok: false,
      ms,
      roundTrips,
      detail: `PUT ${s.path} → ${response.status}: ${text.slice(0, 200)}`,
    };
  }
  const answer = JSON.parse(text) as Stored;
  s.revision = answer.revision.number;
  s.findings = answer.findings;
  s.saved.set(`${rowKey}:${column}`, value);
  return { ok: true, ms, roundTrips, detail: "" };
}

async function savePhase(
  context: BenchContext,
  submitters: Submitter[],
  n: number,
): Promise<Figure[]> {
  const outcome: Outcome = { latencies: [], roundTrips: [], failures: [] };
  const started = performance.now();
  await Promise.all(
    submitters.map(async (s) => {
      for (let i = 0; i < SAVES_PER_SUBMITTER; i++) {
        const result = await saveOnce(context, s);
        outcome.latencies.push(result.ms);
        outcome.roundTrips.push(result.roundTrips);
        if (!result.ok) outcome.failures.push(result.detail);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const timing = summarize(outcome.latencies);
  const trips = summarize(outcome.roundTrips);
  const saves = outcome.latencies.length - outcome.failures.length;
  context.log(
    `  N = ${n}: ${saves} saves in ${seconds.toFixed(1)} s = ${(saves / seconds).toFixed(1)}/s, ` +
      `p50 ${timing.p50.toFixed(0)} ms, p95 ${timing.p95.toFixed(0)} ms, max ${timing.max.toFixed(0)} ms, ` +
      `${trips.p50} D1 round trips (max ${trips.max}), ${outcome.failures.length} failed`,
  );
  for (const failure of outcome.failures.slice(0, 3)) context.log(`  ✗ ${failure}`);
  const full = n === Math.max(...SUBMITTERS);
  const prefix = `deadline-day.n${n}`;
  return [
    {
      name: `${prefix}.saves_per_second`,
      value: saves / seconds,
      unit: "saves/s",
      target: full ? TARGET_SAVES_PER_SECOND : null,
      better: "higher",
    },
    { name: `${prefix}.save.p50`, value: timing.p50, unit: "ms", target: null },
    {
      name: `${prefix}.save.p95`,
      value: timing.p95,
      unit: "ms",
      target: full ? TARGET_P95_MS : null,
    },
    { name: `${prefix}.failed_saves`, value: outcome.failures.length, unit: "saves", target: 0 },
    {
      name: `${prefix}.save.round_trips`,
      value: trips.max,
      unit: "round trips",
      target: TARGET_SAVE_ROUND_TRIPS,
    },
  ];
}

/**
 * The local server's own ceiling, for reading the save rates: the same N = 20 clients, each with
 * its token, asking `GET /api/health` (the token's lookup and one D1 statement, no body) as often
 * as they save. A save cannot go faster than the proxy and the one workerd process carry this.
 */
async function ceiling(context: BenchContext, submitters: Submitter[]): Promise<Figure> {
  const started = performance.now();
  let answered = 0;
  await Promise.all(
    submitters.map(async (s) => {
      for (let i = 0; i < SAVES_PER_SUBMITTER; i++) {
        const response = await fetch(`${context.worker}/api/health`, {
          headers: { authorization: `Bearer ${s.token}` },
        });
        await response.arrayBuffer();
        if (response.ok) answered++;
      }
    }),
  );
  const perSecond = answered / ((performance.now() - started) / 1000);
  context.log(
    `  ceiling: GET /api/health by ${submitters.length} clients = ${perSecond.toFixed(1)}/s`,
  );
  return {
    name: "deadline-day.ceiling.health_per_second",
    value: perSecond,
    unit: "requests/s",
    target: null,
  };
}

/** Every report read back as staff: each changed cell must hold its submitter's last saved value. */
async function readBack(
  context: BenchContext,
  admin: Record<string, string>,
  submitters: Submitter[],
): Promise<Figure[]> {
  let lost = 0;
  let checked = 0;
  const roundTrips: number[] = [];
  for (const s of submitters) {
    const { body, roundTrips: trips } = await getJson<Stored>(context, s.path, admin);
    roundTrips.push(trips);
    for (const [cell, value] of s.saved) {
      const [rowKey, column] = cell.split(":");
      checked++;
      const stored = body.document.section3?.rows[rowKey!]?.[Number(column)];
      if (stored !== value) {
        lost++;
        if (lost <= 3)
          context.log(`  ✗ lost: agency ${s.agencyId} ${cell} saved ${value}, stored ${stored}`);
      }
    }
  }
  context.log(`  read back ${submitters.length} reports: ${checked} changed cells, ${lost} lost`);
  return [
    { name: "deadline-day.lost_edits", value: lost, unit: "cells", target: 0 },
    {
      name: "deadline-day.read_report.round_trips",
      value: Math.max(...roundTrips),
      unit: "round trips",
      target: TARGET_READ_ROUND_TRIPS,
    },
  ];
}

/** Each submitter submits (explaining any broken rule), then the reviewer approves them in turn. */
async function approveAll(
  context: BenchContext,
  admin: Record<string, string>,
  submitters: Submitter[],
  year: number,
): Promise<Figure[]> {
  const submit = { ms: [] as number[], trips: [] as number[] };
  for (const s of submitters) {
    const rules = [...new Set(s.findings.filter((f) => f.severity === "error").map((f) => f.rule))];
    const started = performance.now();
    const answer = await send(
      context,
      "POST",
      `${s.path}/submit`,
      { authorization: `Bearer ${s.token}`, "content-type": "application/json" },
      {
        revision: s.revision,
        explanations: rules.map((rule) => ({ rule, text: "bench: figures as entered" })),
      },
    );
    submit.ms.push(performance.now() - started);
    submit.trips.push(answer.roundTrips);
  }
  const approve = { ms: [] as number[], trips: [] as number[] };
  for (const s of submitters) {
    const started = performance.now();
    const answer = await send(context, "POST", `${s.path}/approve`, admin, {
      revision: s.revision,
    });
    approve.ms.push(performance.now() - started);
    approve.trips.push(answer.roundTrips);
    s.published = true;
  }
  const submitTiming = summarize(submit.ms);
  const approveTiming = summarize(approve.ms);
  context.log(
    `  ${submitters.length} ${year} reports submitted (p50 ${submitTiming.p50.toFixed(0)} ms, ` +
      `${Math.max(...submit.trips)} round trips), approved one by one (p50 ${approveTiming.p50.toFixed(0)} ms, ` +
      `p95 ${approveTiming.p95.toFixed(0)} ms, ${Math.max(...approve.trips)} round trips)`,
  );
  return [
    { name: "deadline-day.submit.p50", value: submitTiming.p50, unit: "ms", target: null },
    {
      name: "deadline-day.submit.round_trips",
      value: Math.max(...submit.trips),
      unit: "round trips",
      target: null,
    },
    { name: "deadline-day.approve.p50", value: approveTiming.p50, unit: "ms", target: null },
    { name: "deadline-day.approve.p95", value: approveTiming.p95, unit: "ms", target: null },
    {
      name: "deadline-day.approve.round_trips",
      value: Math.max(...approve.trips),
      unit: "round trips",
      target: null,
    },
  ];
}

async function getJson<T>(
  context: BenchContext,
  path: string,
  headers: Record<string, string>,
  allowed: number[] = [],
): Promise<{ status: number; body: T; roundTrips: number }> {
  const response = await fetch(`${context.worker}${path}`, { headers });
  const text = await response.text();
  if (!response.ok && !allowed.includes(response.status)) {
    throw new Error(`GET ${path} → ${response.status}: ${text.slice(0, 300)}`);
  }
  return {
    status: response.status,
    body: (response.ok ? JSON.parse(text) : null) as T,
    roundTrips: Number(response.headers.get("x-d1-round-trips") ?? NaN),
  };
}

async function send<T = unknown>(
  context: BenchContext,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<{ body: T; roundTrips: number }> {
  const response = await fetch(`${context.worker}${path}`, {
    method,
    headers,
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 300)}`);
  return {
    body: (text ? JSON.parse(text) : null) as T,
    roundTrips: Number(response.headers.get("x-d1-round-trips") ?? NaN),
  };
}
