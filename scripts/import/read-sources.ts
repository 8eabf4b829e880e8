import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";

const READABLE = new Set([".txt", ".pdf"]);

/** The report files named on the command line, folders walked recursively, in a stable order. */
export function listSources(paths: string[]): string[] {
  const found: string[] = [];
  const walk = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) walk(join(path, entry));
    } else if (READABLE.has(extname(path).toLowerCase())) {
      found.push(path);
    }
  };
  for (const path of paths) walk(path);
  return found;
}

export const readText = (path: string) => readFileSync(path, "utf8");
