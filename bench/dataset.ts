import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import {
  generateAgencies,
  nationalBenchOptions,
  type AgencyGenerationOptions,
} from "../worker/demo/synthetic-agencies";
import { hashSecret, newSecret } from "../worker/auth/secrets";
import { bin, run } from "./scripts-lib";
import { writeDataset } from "./dataset-writer";

/**
 * Bump when what `writeDataset` writes changes, so that stored datasets are rebuilt.
 * 2: the admin user and session; first revisions record no changes; submitted_at and late.
 * 4: region sums. 5: table 三 totals. 6: whole-region reports summed from their parts; townships
 * report for their region.
 */
const DATASET_VERSION = 6;

/**
 * The session cookie's name over plain http (worker/http/session-cookie.ts; over https it is
 * `__Host-nianbao_session`). tests/scripts/bench.test.ts checks the Worker reads it.
 */
export const SESSION_COOKIE = "nianbao_session";

/** The `Cookie` header that signs a request in as the dataset's admin. */
export const sessionCookie = (secret: string) => `${SESSION_COOKIE}=${secret}`;
const BENCH_SEED = 20260101;

export interface DatasetProfile {
  name: "national" | "quick";
  stateDir: string;
  agencies: AgencyGenerationOptions;
  years: number[];
  /** The province the province-level cases look at (its 2-digit code). */
  province: string;
  /** A further province of at least 10,000 agencies, for the dashboard's targets (issue 6). */
  largeProvince?: { options: AgencyGenerationOptions; code: string };
}

/**
 * 大省 (code 98): 10,447 agencies — 31 provincial bodies, 16 cities of 21 bodies and 10 counties
 * each, every county with 15 departments and 47 townships.
 */
const LARGE_PROVINCE = {
  code: "98",
  options: {
    seed: BENCH_SEED + 98,
    provinces: [{ code: "98", name: "大省" }],
    citiesPerProvince: 16,
    countiesPerCity: 10,
    townshipsPerCounty: 47,
    departmentsPerGovernment: { province: 30, city: 20, county: 15 },
  },
};

/** ≥ 100,000 reports: 19,995 agencies × 6 years, less the ~5% the generator leaves missing. */
export const NATIONAL: DatasetProfile = {
  name: "national",
  stateDir: ".bench/state",
  agencies: nationalBenchOptions(BENCH_SEED),
  years: [2019, 2020, 2021, 2022, 2023, 2024],
  province: "32",
  largeProvince: LARGE_PROVINCE,
};

/** Two provinces of the national shape, to try the harness in seconds. */
export const QUICK: DatasetProfile = {
  name: "quick",
  stateDir: ".bench/quick-state",
  agencies: { ...nationalBenchOptions(BENCH_SEED), provinces: 2 },
  years: [2019, 2020, 2021, 2022, 2023, 2024],
  province: "12",
};

interface Marker {
  version: number;
  profile: string;
  seed: number;
  years: number[];
  migrations: string;
  agencies: number;
  reports: number;
  published: number;
  /**
   * The cookie secret of the admin's session, made when the dataset was built; the database
   * holds only its hash. A local benchmark credential, good for this dataset only.
   */
  sessionSecret: string;
  generationSeconds: number;
  generatedAt: string;
}

export interface Dataset extends Marker {
  stateDir: string;
  /** The SQLite file behind the local D1 that `wrangler dev --persist-to stateDir` serves. */
  file: string;
  /** Bytes of the D1 files (database, WAL) on disk. */
  sizeBytes: number;
  /** Whether this run generated it (or reused one from an earlier run). */
  generated: boolean;
  province: { code: string; name: string; governmentId: number };
  largeProvince: { code: string; name: string; governmentId: number } | null;
  /** Headers sent with every Worker request: the admin's session cookie. */
  headers: Record<string, string>;
}

const MIGRATIONS_DIR = "migrations";
const D1_OBJECT_DIR = (stateDir: string) => join(stateDir, "v3/d1/miniflare-D1DatabaseObject");
const MARKER = (stateDir: string) => join(stateDir, "bench-dataset.json");

/** Returns the stored dataset when it matches this profile and code, otherwise builds it. */
export async function ensureDataset(
  profile: DatasetProfile,
  options: { fresh: boolean; now: Date; log: (line: string) => void },
): Promise<Dataset> {
  const expected = {
    version: DATASET_VERSION,
    profile: profile.name,
    seed: profile.agencies.seed,
    years: profile.years,
    migrations: migrationsHash(),
  };
  let marker = options.fresh ? null : readMarker(profile.stateDir);
  const reusable =
    marker !== null &&
    marker.version === expected.version &&
    marker.profile === expected.profile &&
    marker.seed === expected.seed &&
    marker.migrations === expected.migrations &&
    marker.years.join() === expected.years.join() &&
    typeof marker.sessionSecret === "string" &&
    existsSync(databaseFile(profile.stateDir) ?? "");
  if (reusable) {
    options.log(
      `› reusing the ${profile.name} dataset in ${profile.stateDir} (--fresh rebuilds it)`,
    );
  } else {
    marker = await buildDataset(profile, expected, options);
  }
  const file = databaseFile(profile.stateDir)!;
  return {
    ...marker!,
    stateDir: profile.stateDir,
    file,
    sizeBytes: directorySize(D1_OBJECT_DIR(profile.stateDir)),
    generated: !reusable,
    province: provinceOf(file, profile.province),
    largeProvince: profile.largeProvince ? provinceOf(file, profile.largeProvince.code) : null,
    headers: { cookie: sessionCookie(marker!.sessionSecret) },
  };
}

async function buildDataset(
  profile: DatasetProfile,
  expected: Pick<Marker, "version" | "profile" | "seed" | "years" | "migrations">,
  options: { now: Date; log: (line: string) => void },
): Promise<Marker> {
  const { log } = options;
  const started = performance.now();
  const previous = databaseFile(profile.stateDir);
  if (previous) refuseIfOpen(previous);
  rmSync(profile.stateDir, { recursive: true, force: true });
  mkdirSync(profile.stateDir, { recursive: true });
  log(`› creating the schema in ${profile.stateDir} with the migrations`);
  // The same command as scripts/lib/local-database.mjs `migrateLocal`, with wrangler's output
  // sent to stderr so that `--json` keeps stdout to itself.
  await run(
    bin("wrangler"),
    ["d1", "migrations", "apply", "DB", "--local", "--persist-to", profile.stateDir],
    { env: { CI: "true" }, stdio: ["ignore", 2, 2] },
  );
  const file = databaseFile(profile.stateDir);
  if (!file) throw new Error(`no D1 database file under ${D1_OBJECT_DIR(profile.stateDir)}`);
  refuseIfOpen(file);

  const sessionSecret = newSecret();
  const session = { idHash: await hashSecret(sessionSecret) };
  const agencies = [
    ...generateAgencies(profile.agencies),
    ...(profile.largeProvince ? generateAgencies(profile.largeProvince.options) : []),
  ];
  log(`› generating ${agencies.length} agencies × ${profile.years.length} years of reports`);
  const sqlite = new Database(file);
  let summary;
  try {
    // Safe to skip fsync: the marker is written last, so an interrupted build is rebuilt.
    sqlite.pragma("synchronous = OFF");
    sqlite.pragma("cache_size = -262144");
    let lastLog = 0;
    summary = writeDataset(sqlite, {
      agencies,
      years: profile.years,
      seed: profile.agencies.seed,
      now: options.now,
      session,
      progress: (reports) => {
        const now = performance.now();
        if (now - lastLog < 5000) return;
        lastLog = now;
        log(`  ${reports} reports (${((now - started) / 1000).toFixed(0)} s)`);
      },
    });
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    sqlite.close();
  }
  const marker: Marker = {
    ...expected,
    ...summary,
    sessionSecret,
    generationSeconds: Math.round((performance.now() - started) / 100) / 10,
    generatedAt: options.now.toISOString(),
  };
  writeFileSync(MARKER(profile.stateDir), JSON.stringify(marker, null, 2) + "\n");
  log(
    `  ${marker.reports} reports (${marker.published} published) in ${marker.generationSeconds} s`,
  );
  return marker;
}

function readMarker(stateDir: string): Marker | null {
  try {
    return JSON.parse(readFileSync(MARKER(stateDir), "utf8")) as Marker;
  } catch {
    return null;
  }
}

/** Miniflare keeps each D1 database in `<hash>.sqlite` beside its own `metadata.sqlite`. */
function databaseFile(stateDir: string): string | null {
  const dir = D1_OBJECT_DIR(stateDir);
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite");
  if (files.length > 1) throw new Error(`more than one D1 database in ${dir}: ${files.join(", ")}`);
  return files[0] ? join(dir, files[0]) : null;
}

function migrationsHash(): string {
  const hash = createHash("sha256");
  for (const name of readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith(".sql"))
    .sort()) {
    hash.update(name).update(readFileSync(join(MIGRATIONS_DIR, name)));
  }
  return hash.digest("hex").slice(0, 16);
}

function directorySize(dir: string): number {
  return readdirSync(dir).reduce((total, name) => total + statSync(join(dir, name)).size, 0);
}

function provinceOf(file: string, code: string): Dataset["province"] {
  const sqlite = new Database(file, { readonly: true });
  try {
    const row = sqlite
      .prepare(
        `SELECT id, name FROM agencies
         WHERE level = 'province' AND kind = 'government' AND region_code = ?`,
      )
      .get(`${code}0000`) as { id: number; name: string } | undefined;
    if (!row) throw new Error(`the dataset has no provincial government with code ${code}`);
    return { code, name: row.name, governmentId: row.id };
  } finally {
    sqlite.close();
  }
}

/** A bulk write must never race a workerd (a `wrangler dev` left running) on the same file. */
function refuseIfOpen(file: string): void {
  const holders = processesHolding(file);
  if (holders.length > 0) {
    throw new Error(`${file} is open in process ${holders.join(", ")}; stop it first`);
  }
}

/** Ids of the processes with `file` open, read from Linux's /proc (none elsewhere). */
function processesHolding(file: string): number[] {
  if (!existsSync("/proc/self/fd")) return [];
  const target = realpathSync(file);
  const holders: number[] = [];
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    if (Number(pid) === process.pid) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) === target) {
          holders.push(Number(pid));
          break;
        }
      } catch {
        // The descriptor closed while we looked.
      }
    }
  }
  return holders;
}
