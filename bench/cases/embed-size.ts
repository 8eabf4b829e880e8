import { gzipSync } from "node:zlib";
import type { BenchCase } from "../bench-case";
import { embedSubjects } from "../embed-subjects";

/** Issue 7: an embed response is at most 15 KB gzip, and renders with no JavaScript. */
const TARGET_KB = 15;
/** zlib's default level, which gzipping servers commonly use; level 9 saves under 1 % here. */
const GZIP_LEVEL = 6;

const gzipKb = (body: Buffer) => gzipSync(body, { level: GZIP_LEVEL }).length / 1024;

/**
 * Realistic embeds of the large province, each fetched once from the Worker (no cookie, as a
 * framing site would): each body gzipped, the largest reported against the target. Every page
 * must hold its chart as inline SVG and no script of its own (only `<script src=…>`), or the
 * case fails.
 */
export const embedSize: BenchCase = {
  name: "embed.size",
  async run(context) {
    const subjects = await embedSubjects(context);
    if (!subjects) return [];
    const { region, span, latestYear } = subjects;
    const agency = subjects.agencies[0]!;
    const paths = [
      `/embed/region/${region}?kind=bars&metric=metrics.website_visits&years=${latestYear}`,
      `/embed/region/${region}?kind=outcome_mix&years=${span}`,
      `/embed/agency/${agency}?kind=trend&years=${span}`,
      `/embed/agency/${agency}?kind=trend&metric=indicator.disclosure_rate&years=${span}&lang=en`,
      `/embed/agency/${agency}?kind=card&years=${span}`,
      `/embed/agency/${agency}?kind=outcome_mix&years=${span}`,
    ];
    context.log(`› ${this.name}: ${paths.length} embeds, gzip level ${GZIP_LEVEL}`);

    let largest = { path: "", gzip: 0, raw: 0 };
    const scripts = new Set<string>();
    for (const path of paths) {
      const body = await fetchBody(`${context.worker}${path}`);
      const html = body.toString("utf8");
      for (const src of checkNoScriptNeeded(path, html)) scripts.add(src);
      const page = { path, gzip: gzipKb(body), raw: body.length / 1024 };
      context.log(`  ${page.gzip.toFixed(1)} KB gzip (${page.raw.toFixed(1)} KB) ${path}`);
      if (page.gzip > largest.gzip) largest = page;
    }
    // The scripts a page refers to (the optional resize script): not needed to render, but a
    // browser that runs scripts downloads them too.
    let scriptsKb = 0;
    for (const src of scripts) {
      // The page's CSP allows scripts from the Worker's own origin only.
      const url = new URL(src, context.worker);
      if (url.origin !== context.worker) throw new Error(`a script from elsewhere: ${src}`);
      const kb = gzipKb(await fetchBody(url.href));
      context.log(`  ${kb.toFixed(1)} KB gzip ${src} (optional script)`);
      scriptsKb += kb;
    }
    context.log(`  largest: ${largest.path}`);
    return [
      {
        name: `${this.name}.largest_gzip`,
        value: largest.gzip,
        unit: "KB",
        target: TARGET_KB,
      },
      { name: `${this.name}.largest_html`, value: largest.raw, unit: "KB", target: null },
      {
        name: `${this.name}.largest_with_scripts_gzip`,
        value: largest.gzip + scriptsKb,
        unit: "KB",
        target: null,
      },
    ];
  },
};

/** The body as sent (fetch undoes any content-encoding), or an error with status and body. */
async function fetchBody(url: string): Promise<Buffer> {
  const response = await fetch(url);
  const body = Buffer.from(await response.arrayBuffer());
  if (!response.ok) {
    throw new Error(`GET ${url} → ${response.status}: ${body.toString("utf8").slice(0, 500)}`);
  }
  return body;
}

/**
 * Throws unless the page draws its chart as inline SVG with no JavaScript of its own: every
 * `<script>` has a `src` and no content, no element has an `on…=` handler, no link is
 * `javascript:`. Returns the `src` of each script.
 */
function checkNoScriptNeeded(path: string, html: string): string[] {
  const problems: string[] = [];
  if (!/<svg[\s>]/i.test(html)) problems.push("no <svg>");
  const opened = html.match(/<script\b/gi)?.length ?? 0;
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)];
  if (scripts.length !== opened) problems.push(`${opened - scripts.length} unclosed <script>`);
  const sources: string[] = [];
  for (const [tag, attributes = "", content = ""] of scripts) {
    const src = /\ssrc\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1];
    if (!src || content.trim() !== "") problems.push(`inline script: ${tag.slice(0, 120)}`);
    else sources.push(src.replaceAll("&amp;", "&"));
  }
  const handler = /<[a-z][^>]*\son[a-z]+\s*=/i.exec(html);
  if (handler) problems.push(`event handler attribute: ${handler[0].slice(0, 120)}`);
  if (/javascript:/i.test(html)) problems.push("a javascript: URL");
  if (problems.length > 0) {
    throw new Error(`GET ${path} needs JavaScript or has no chart: ${problems.join("; ")}`);
  }
  return sources;
}
