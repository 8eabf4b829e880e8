import { Hono, type Context } from "hono";
import { createMiddleware } from "hono/factory";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { LOADER_SCRIPT } from "../embed/loader-script";
import { EMBED_CSS, renderEmbedPage } from "../embed/page";
import { RESIZE_SCRIPT } from "../embed/resize-script";
import { attachment, toCsv } from "../http/csv";
import { ApiError, notFound } from "../http/errors";
import { id, regionPrefix, scope, yearList } from "../http/params";
import { validate } from "../http/validate";
import { currentDataVersion, publicCache } from "../middleware/public-cache";
import { LICENCE_LINK } from "../public/licence";
import { isFigureKey } from "../report/figures";
import { INDICATORS } from "../report/indicators";
import { embedView, type EmbedRequest, type EmbedSubject } from "../services/embed-view";
import { publicDatabase } from "./public";

const METRICS = new Set(INDICATORS.map((d) => `indicator.${d.key}`));
const YEARS_SHOWN = 6;

export const embedQuery = z.strictObject({
  /** A table cell, a registered metric or `indicator.<key>`. */
  metric: z
    .string()
    .refine((key) => isFigureKey(key) || METRICS.has(key), {
      message: "未知的指标（应为表格单元格、登记的指标或派生指标）",
    })
    .default("metrics.website_visits"),
  /** Default: the six years up to last year. */
  years: yearList.optional(),
  kind: z.enum(["card", "bars", "trend", "outcome_mix"]).default("trend"),
  theme: z.enum(["light", "dark", "auto"]).default("auto"),
  transparent: z.stringbool().default(false),
  lang: z.enum(["zh", "en"]).default("zh"),
  scope: scope.default("self"),
  /** A data version to pin (the footer's "v…"); without it, the latest. */
  v: z.coerce.number().int().positive().optional(),
});
type EmbedQuery = z.infer<typeof embedQuery>;

/**
 * Embeds are meant to be framed anywhere and hold nothing private: framing allowed, no cookie,
 * the one stylesheet allowed by its hash, scripts only from here (the optional resize script).
 */
let styleHash: Promise<string> | null = null;
const embedHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  styleHash ??= crypto.subtle
    .digest("SHA-256", new TextEncoder().encode(EMBED_CSS))
    .then((digest) => btoa(String.fromCharCode(...new Uint8Array(digest))));
  c.res.headers.set(
    "content-security-policy",
    `default-src 'none'; style-src 'sha256-${await styleHash}'; script-src 'self'; ` +
      "img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors *",
  );
  c.res.headers.set("x-content-type-options", "nosniff");
  c.res.headers.set("referrer-policy", "strict-origin-when-cross-origin");
  c.res.headers.set("cross-origin-resource-policy", "cross-origin");
  c.res.headers.delete("x-frame-options");
  c.res.headers.set("link", LICENCE_LINK);
});

const script = (source: string) => (c: Context<AppEnv>) =>
  c.body(source, 200, {
    "content-type": "text/javascript; charset=utf-8",
    "cache-control": "public, max-age=86400",
  });

/** `/embed/*`: the charts other sites frame, rendered here as HTML and SVG. */
export const embedRoutes = new Hono<AppEnv>()
  .use(embedHeaders)
  .get("/loader.js", script(LOADER_SCRIPT))
  .get("/resize.js", script(RESIZE_SCRIPT))
  .use(publicDatabase, publicCache)
  .get("/agency/:id", validate("param", z.object({ id })), validate("query", embedQuery), (c) =>
    page(c, { agency: c.req.valid("param").id }, c.req.valid("query"), "html"),
  )
  .get(
    "/agency/:id/data.csv",
    validate("param", z.object({ id })),
    validate("query", embedQuery),
    (c) => page(c, { agency: c.req.valid("param").id }, c.req.valid("query"), "csv"),
  )
  .get(
    "/region/:code",
    validate("param", z.object({ code: regionPrefix })),
    validate("query", embedQuery),
    (c) => page(c, { region: c.req.valid("param").code }, c.req.valid("query"), "html"),
  )
  .get(
    "/region/:code/data.csv",
    validate("param", z.object({ code: regionPrefix })),
    validate("query", embedQuery),
    (c) => page(c, { region: c.req.valid("param").code }, c.req.valid("query"), "csv"),
  );

async function page(
  c: Context<AppEnv>,
  subject: EmbedSubject,
  query: EmbedQuery,
  as: "html" | "csv",
) {
  const version = await currentDataVersion(c.var.db);
  if (query.v !== undefined) await requireUnchangedSince(c, subject, query.v, version.publication);
  const last = new Date().getUTCFullYear() - 1;
  const request: EmbedRequest = {
    ...query,
    years: query.years ?? Array.from({ length: YEARS_SHOWN }, (_, i) => last - YEARS_SHOWN + 1 + i),
  };
  const url = new URL(c.req.url);
  const base = url.pathname.replace(/\/data\.csv$/, "");
  const dataUrl = `${base}/data.csv${url.search}`;
  const pageUrl =
    "agency" in subject ? `/public/agency/${subject.agency}` : `/public/region/${subject.region}`;
  const { view, table } = await embedView(c.var.db, subject, request, {
    data: dataUrl,
    page: pageUrl,
    version: query.v ?? version.publication,
  });
  if (as === "csv") {
    return c.body(toCsv(table.header, table.rows), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": attachment("data.csv"),
    });
  }
  return c.html(renderEmbedPage(view, { resizeScriptUrl: "/embed/resize.js" }));
}

/**
 * A pinned version shows the figures as they stood then. Until older published revisions can be
 * re-read for a whole region, a pin is honoured when nothing the embed shows has been published
 * since; otherwise the answer says so (410) instead of showing newer figures under an old label.
 */
async function requireUnchangedSince(
  c: Context<AppEnv>,
  subject: EmbedSubject,
  pinned: number,
  current: number,
) {
  if (pinned > current) throw notFound(`数据版本 v${pinned}`, `Data version v${pinned}`);
  if (pinned === current) return;
  const within =
    "agency" in subject
      ? sql`agencies.id = ${subject.agency}`
      : sql`agencies.region_code >= ${subject.region} AND agencies.region_code < ${subject.region + "\uffff"}`;
  const changed = await c.var.db.get(sql`
    SELECT 1 AS changed FROM publications p
    CROSS JOIN reports ON reports.id = p.report_id
    CROSS JOIN agencies ON agencies.id = reports.agency_id
    WHERE p.id > ${pinned} AND ${within} LIMIT 1`);
  if (changed) {
    throw new ApiError(
      410,
      "version_superseded",
      `v${pinned} 之后这里显示的数据已更新，暂不能按旧版本重现；请去掉 v 参数查看最新数据`,
      `The figures shown here changed after v${pinned} and cannot yet be shown as they were; drop v= for the latest`,
    );
  }
}
