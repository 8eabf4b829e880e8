import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { BenchCase } from "../bench-case";
import { buildApp } from "../worker-server";

const CLIENT = "dist/client";
const MANIFEST = `${CLIENT}/.vite/manifest.json`;

interface Chunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

/** Every JavaScript file a chunk loads before it runs: itself and its static imports. */
function closure(manifest: Record<string, Chunk>, keys: string[], seen = new Set<string>()) {
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    closure(manifest, manifest[key]?.imports ?? [], seen);
  }
  return seen;
}

const gzipKb = (manifest: Record<string, Chunk>, keys: Set<string>) =>
  [...keys].reduce(
    (sum, key) => sum + gzipSync(readFileSync(`${CLIENT}/${manifest[key]!.file}`)).length,
    0,
  ) / 1024;

/**
 * JavaScript (gzip) that a browser downloads for the dashboard's first view and for the report
 * form, read from the production build's manifest.
 */
export const bundleSize: BenchCase = {
  name: "web.bundle",
  async run() {
    if (!existsSync(MANIFEST)) await buildApp();
    const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as Record<string, Chunk>;
    const first = closure(manifest, ["index.html"]);
    const form = closure(manifest, ["index.html", "web/pages/report-form-page.tsx"]);
    const round1 = (value: number) => Math.round(value * 10) / 10;
    return [
      {
        name: "web.first_view_js_gzip",
        value: round1(gzipKb(manifest, first)),
        unit: "KB",
        target: 250,
      },
      {
        name: "web.form_page_js_gzip",
        value: round1(gzipKb(manifest, form)),
        unit: "KB",
        target: null,
      },
    ];
  },
};
