import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { LOADER_SCRIPT } from "../embed/loader-script";
import { renderEmbedError } from "../embed/error-page";
import { EMBED_CSS, renderEmbedPage } from "../embed/page";
import { RESIZE_SCRIPT } from "../embed/resize-script";
import { attachment, toCsv } from "../http/csv";
import { ApiError, notFound } from "../http/errors";
import { flag, id, regionPrefix, scope, yearList } from "../http/params";
import { cached, ERRORS, errors, NOT_MODIFIED, PUBLIC, textAnswer } from "../openapi/contract";
import { PARAMETER_TEXT } from "../openapi/parameter-text";
import { routeGroup } from "../openapi/route-group";
import { currentDataVersion } from "../db/data-version-memo";
import { publicCache } from "../middleware/public-cache";
import { anonymousLimit } from "../middleware/anonymous-limit";
import { LICENCE_COMMENTS, LICENCE_LINK } from "../public/licence";
import { isFigureKey } from "../report/figures";
import { INDICATORS } from "../report/indicators";
import { embedView, type EmbedRequest, type EmbedSubject } from "../services/embed-view";
import { publicDatabase } from "./public";

const METRICS = new Set(INDICATORS.map((d) => `indicator.${d.key}`));
const YEARS_SHOWN = 6;

const embedQuery = z.strictObject({
  metric: z
    .string()
    .refine((key) => isFigureKey(key) || METRICS.has(key), {
      message: "未知的指标（应为表格单元格、登记的指标或派生指标）",
    })
    .default("metrics.website_visits")
    .meta({
      description:
        "显示的指标：表格单元格、登记的指标或派生指标（indicator.disclosure_rate）。The figure shown: a table cell (section3.new_received.total), a registered metric (metrics.website_visits) or a derived indicator (indicator.disclosure_rate).",
    }),
  years: yearList.optional().meta({
    description: `${PARAMETER_TEXT.years} 默认为截至去年的 ${YEARS_SHOWN} 年。Default: the ${YEARS_SHOWN} years up to last year.`,
  }),
  kind: z
    .enum(["card", "bars", "trend", "outcome_mix"])
    .default("trend")
    .meta({ description: "图表类型。The chart: a card, bars, a trend line or the outcome mix." }),
  theme: z.enum(["light", "dark", "auto"]).default("auto").meta({
    description: "配色；auto 随读者系统设置。Colours; auto follows the reader's system setting.",
  }),
  transparent: flag.meta({
    description:
      "透明背景：true 或 false（默认）。Transparent background: true or false (default).",
  }),
  lang: z
    .enum(["zh", "en"])
    .default("zh")
    .meta({ description: "界面语言。The language of labels." }),
  scope: scope.default("self").meta({
    description:
      "地区嵌入时：self 合计各机构本身的报告，region 合计全地区汇总的报告。For a region: sum agencies' own reports (self) or whole-region reports (region).",
  }),
  v: id.optional().meta({
    description:
      "固定的数据版本（页脚的 v…）；省略则为最新。Pin a data version (the footer's v…); latest without it.",
  }),
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

const SCRIPT_TEXT = "JavaScript.";

const loaderRoute = createRoute({
  method: "get",
  path: "/loader.js",
  operationId: "getEmbedLoader",
  summary: "嵌入加载脚本",
  description:
    "The optional script a host page includes to size its embed frames to their content.",
  tags: ["embeds"],
  ...PUBLIC,
  responses: { 200: textAnswer("The script.", "text/javascript", SCRIPT_TEXT) },
});

const resizeRoute = createRoute({
  method: "get",
  path: "/resize.js",
  operationId: "getEmbedResize",
  summary: "嵌入页尺寸脚本",
  description: "The script inside an embed page that reports its height to the loader.",
  tags: ["embeds"],
  ...PUBLIC,
  responses: { 200: textAnswer("The script.", "text/javascript", SCRIPT_TEXT) },
});

const PAGE_TEXT = "A complete HTML page with inline SVG.";
const CSV_TEXT = "RFC 4180 CSV, UTF-8 with a BOM.";

const SUBJECTS = {
  agency: { who: "机构", whoEn: "an agency", name: "Agency" },
  region: { who: "地区", whoEn: "a region", name: "Region" },
} as const;

/** What the page and the CSV route of one subject say of themselves. */
function embedOperation(subject: keyof typeof SUBJECTS, as: "page" | "data") {
  const { who, whoEn, name } = SUBJECTS[subject];
  const param = subject === "agency" ? "{id}" : "{code}";
  const page = as === "page";
  return {
    method: "get" as const,
    path: `/${subject}/${param}${page ? "" : "/data.csv"}`,
    operationId: `get${name}Embed${page ? "" : "Csv"}`,
    summary: page ? `${who}图表嵌入页` : `${who}图表的数据（CSV）`,
    description: page
      ? `A chart of ${whoEn}'s published figures as an HTML page with inline SVG, made to be framed by other sites (framing allowed, no cookie); its one script, resize.js, only reports the page's height.`
      : `The figures behind ${whoEn}'s embed, for the same query, as CSV.`,
    tags: ["embeds"],
    ...PUBLIC,
    middleware: [publicDatabase, publicCache],
  };
}

const ERROR_PAGE_TEXT =
  "说明原因的中文（lang=en 时为英文）页面。A page saying why, in the embed's language.";

/** A page's refusal: the error page to a browser (it asks for HTML), the JSON error to others. */
const pageError = (status: 400 | 404 | 410) => ({
  description: ERRORS[status].description,
  content: {
    ...ERRORS[status].content,
    "text/html": { schema: z.string().meta({ description: ERROR_PAGE_TEXT }) },
  },
});

const embedAnswers = (as: "page" | "data") => ({
  200: cached(
    as === "page"
      ? textAnswer("The embed page.", "text/html", PAGE_TEXT)
      : textAnswer("The embed's figures.", "text/csv", CSV_TEXT),
  ),
  304: NOT_MODIFIED,
  ...(as === "page"
    ? { 400: pageError(400), 404: pageError(404), 410: pageError(410) }
    : errors(400, 404, 410)),
});

const agencyParams = z.object({ id });
const regionParams = z.object({ code: regionPrefix });

const agencyPageRoute = createRoute({
  ...embedOperation("agency", "page"),
  request: { params: agencyParams, query: embedQuery },
  responses: embedAnswers("page"),
});
const agencyDataRoute = createRoute({
  ...embedOperation("agency", "data"),
  request: { params: agencyParams, query: embedQuery },
  responses: embedAnswers("data"),
});
const regionPageRoute = createRoute({
  ...embedOperation("region", "page"),
  request: { params: regionParams, query: embedQuery },
  responses: embedAnswers("page"),
});
const regionDataRoute = createRoute({
  ...embedOperation("region", "data"),
  request: { params: regionParams, query: embedQuery },
  responses: embedAnswers("data"),
});

const embeds = routeGroup();
embeds.use(embedHeaders);
// Inside the group: a reader whose address spent its allowance sees the embed's error page.
embeds.use(anonymousLimit);
embeds.onError((error, c) => {
  if (!(error instanceof ApiError) || !wantsErrorPage(c)) throw error;
  const query = new URL(c.req.url).searchParams;
  const theme = query.get("theme");
  const html = renderEmbedError(
    {
      lang: query.get("lang") === "en" ? "en" : "zh",
      theme: theme === "light" || theme === "dark" ? theme : "auto",
      failure: error.toBody().error,
    },
    { resizeScriptUrl: "/embed/resize.js" },
  );
  return c.html(html, error.status);
});

/**
 * A browser framing an embed page asks for HTML and should show the reader a sentence; scripts
 * and API clients (no `text/html` in Accept) keep the JSON error every route answers with.
 */
function wantsErrorPage(c: Context<AppEnv>): boolean {
  const { pathname } = new URL(c.req.url);
  if (/\.(csv|js)$/.test(pathname)) return false;
  return /\btext\/html\b/i.test(c.req.header("accept") ?? "");
}

/** `/embed/*`: the charts other sites frame, rendered here as HTML and SVG. */
export const embedRoutes = embeds
  .openapi(loaderRoute, script(LOADER_SCRIPT))
  .openapi(resizeRoute, script(RESIZE_SCRIPT))
  .openapi(agencyPageRoute, (c) =>
    page(c, { agency: c.req.valid("param").id }, c.req.valid("query"), "html"),
  )
  .openapi(agencyDataRoute, (c) =>
    page(c, { agency: c.req.valid("param").id }, c.req.valid("query"), "csv"),
  )
  .openapi(regionPageRoute, (c) =>
    page(c, { region: c.req.valid("param").code }, c.req.valid("query"), "html"),
  )
  .openapi(regionDataRoute, (c) =>
    page(c, { region: c.req.valid("param").code }, c.req.valid("query"), "csv"),
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
