import { spawn } from "node:child_process";
import { freePort } from "../scripts/lib/free-port";
import { bin, quietWranglerEnv, run } from "./scripts-lib";

export interface WorkerServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** The production build that `wrangler dev` serves (TOOLCHAIN.md: wrangler runs after `vite build`). */
export async function buildApp(): Promise<void> {
  await run(bin("vite"), ["build", "--logLevel", "warn"], { stdio: ["ignore", 2, 2] });
}

/**
 * Serves the built Worker with `wrangler dev` on a free port against the local D1 in `persistTo`
 * and waits until `/api/health` answers. wrangler and its workerd run in their own process group,
 * which `stop()` ends — also when the bench exits early.
 */
export async function startWorker(options: {
  persistTo: string;
  log: (line: string) => void;
  timeoutMs?: number;
}): Promise<WorkerServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    bin("wrangler"),
    [
      "dev",
      "--persist-to",
      options.persistTo,
      "--port",
      String(port),
      "--ip",
      "127.0.0.1",
      "--show-interactive-dev-session=false",
      "--log-level",
      "warn",
      // Every /api answer then says how many D1 round trips it took (x-d1-round-trips).
      "--var",
      "COUNT_D1_ROUND_TRIPS:1",
    ],
    {
      detached: true,
      stdio: ["ignore", 2, 2],
      env: { ...process.env, ...quietWranglerEnv },
    },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error("wrangler dev did not start");
  let exited: string | null = null;
  child.on("exit", (code, signal) => (exited = `wrangler dev exited with ${code ?? signal}`));

  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  };
  // A last resort if the bench dies before calling stop(): never leave workerd behind.
  const onExit = () => killGroup("SIGKILL");
  process.on("exit", onExit);

  const stop = async () => {
    process.off("exit", onExit);
    if (exited) return;
    const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    killGroup("SIGTERM");
    const timer = setTimeout(() => killGroup("SIGKILL"), 5000);
    await gone;
    clearTimeout(timer);
    // workerd may outlive wrangler by a moment; make sure the group is empty.
    killGroup("SIGKILL");
  };

  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  for (;;) {
    if (exited) throw new Error(exited);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
      await response.body?.cancel();
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev did not answer ${url}/api/health in time`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  options.log(`› Worker served by wrangler dev at ${url} (process group ${pid})`);
  return { url, pid, stop };
}

/**
 * Fails early, and says why, unless the Worker signs `headers` in as an admin: otherwise every
 * `basis=current` case would only report a 401.
 */
export async function checkAdminSession(
  url: string,
  headers: Record<string, string>,
): Promise<void> {
  const response = await fetch(`${url}/api/auth/session`, { headers });
  const text = await response.text();
  let role: unknown;
  try {
    role = (JSON.parse(text) as { user: { role?: unknown } | null }).user?.role;
  } catch {
    role = undefined;
  }
  if (!response.ok || role !== "admin") {
    throw new Error(
      `the Worker does not take the dataset's session cookie as an admin ` +
        `(GET /api/auth/session → ${response.status}: ${text.slice(0, 200)}); rebuild with --fresh`,
    );
  }
}
