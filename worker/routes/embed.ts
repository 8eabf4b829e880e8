import { Hono, type Context } from "hono";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { LOADER_SCRIPT } from "../embed/loader-script";
import { EMBED_CSS, renderEmbedPage } from "../embed/page";
import { RESIZE_SCRIPT } from "../embed/resize-script";
import { attachment, toCsv } from "../http/csv";
import { notFound } from "../http/errors";
import { flag, id, regionPrefix, scope, yearList } from "../http/params";
import { validate } from "../http/validate";
import { currentDataVersion } from "../db/data-version-memo";
import { publicCache } from "../middleware/public-cache";
import { LICENCE_COMMENTS, LICENCE_LINK } from "../public/licence";
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
  transparent: flag,
  lang: z.enum(["zh", "en"]).default("zh"),
  scope: scope.default("self"),
  /** A data version to pin (the footer's "v…"); without it, the latest. */
  v: id.optional(),
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
  if (query.v !== undefined && query.v > version.publication) {
    throw notFound(`数据版本 v${query.v}`, `Data version v${query.v}`);
  }
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
  const pinned = query.v !== undefined && query.v < version.publication ? query.v : null;
  const { view, table } = await embedView(
    c.var.db,
    subject,
    request,
    { data: dataUrl, page: pageUrl, version: query.v ?? version.publication },
    pinned,
  );
  if (as === "csv") {
    return c.body(toCsv(table.header, table.rows, LICENCE_COMMENTS), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": attachment("data.csv"),
    });
  }
  return c.html(renderEmbedPage(view, { resizeScriptUrl: "/embed/resize.js" }));
}
