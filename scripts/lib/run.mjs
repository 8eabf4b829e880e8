import { spawn } from "node:child_process";

/**
 * Environment for wrangler and miniflare on a machine without outside network.
 * @public bench/scripts-lib.ts loads this module through a non-literal import.
 */
export const quietWranglerEnv = {
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
};

/** Runs a command to completion, inheriting output; rejects on a non-zero exit. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: options.stdio ?? ["ignore", "inherit", "inherit"],
      env: { ...process.env, ...quietWranglerEnv, ...options.env },
      cwd: options.cwd,
    });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(" ")} exited with ${code ?? signal}`)),
    );
  });
}

export const bin = (name) => `node_modules/.bin/${name}`;
