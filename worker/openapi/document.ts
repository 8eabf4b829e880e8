/**
 * `/api/openapi.json`: the OpenAPI 3.1 document, generated from the routes' own declarations
 * (`createRoute` in each route file) on first use and kept for the isolate's life.
 */

import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { LICENCE } from "../public/licence";
import { jsonAnswer, PUBLIC } from "./contract";
import { PARAMETER_TEXT } from "./parameter-text";
import { routeGroup } from "./route-group";

/** Bump the major part on an incompatible change of `/api/public` or `/embed`. */
const API_VERSION = "1.0.0";

const TAGS = [
  { name: "agencies", description: "机构及其已公开的报告。Agencies and their published reports." },
  {
    name: "aggregates",
    description:
      "已公开数字的合计、序列与派生指标。Published figures summed, by year, and derived.",
  },
  { name: "bulk", description: "按年度的整批下载。The per-year bulk download." },
  {
    name: "embeds",
    description: "供其他网站嵌入的图表（HTML + SVG）。Charts other sites frame (HTML + SVG).",
  },
  { name: "meta", description: "本文档与运行状态。This document and the service's health." },
  { name: "auth", description: "登录、会话与邀请链接。Signing in, sessions, invitations." },
  { name: "accounts", description: "用户、API 令牌与审计日志。Users, API tokens, the audit log." },
  { name: "directory", description: "机构名录的维护。The agency directory." },
  {
    name: "reports",
    description:
      "填报、修订、提交、审核与发布。Drafts, revisions, submission, review, publication.",
  },
  {
    name: "dashboards",
    description:
      "审核人员的比较、合计、概览、质量与地区汇总报告。Staff comparisons, sums, overviews, quality and the region report.",
  },
  { name: "import", description: "从已发布的报告文本导入。Reading a published report's text." },
  {
    name: "notifications",
    description: "站内通知与发件箱。In-app notifications and the e-mail outbox.",
  },
];

const DESCRIPTION =
  "政府信息公开工作年度报告的数据接口。`/api/public/*` 与 `/embed/*` 无需登录，" +
  `${LICENCE.statement} 其余接口需登录会话（Cookie，写操作另带 X-CSRF-Token）或 API 令牌（Authorization: Bearer）。\n\n` +
  "The data API of the annual open-government-information reports. `/api/public/*` and `/embed/*` need no session: " +
  `${LICENCE.statementEn} Every public answer may be read from any site (CORS), carries the licence in a Link header and an ETag ` +
  "of the data version (send it as If-None-Match for a 304); JSON bodies carry `licence` and `data_version`. " +
  "The other routes need a session cookie (writes also send X-CSRF-Token) or an API token (Authorization: Bearer). " +
  "Errors are JSON `{ error: { code, message, message_en, issues? } }`.";

type Document = ReturnType<OpenAPIHono["getOpenAPI31Document"]>;

function generate(app: OpenAPIHono<AppEnv>): Document {
  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "__Host-nianbao_session",
    description: "登录后的会话。The session cookie set by POST /api/auth/login.",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "token", {
    type: "http",
    scheme: "bearer",
    description: "机构的 API 令牌。An agency's API token.",
  });
  const document = app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "年报 Nianbao API",
      version: API_VERSION,
      description: DESCRIPTION,
      license: { name: "CC BY 4.0", url: LICENCE.url },
    },
    servers: [{ url: "/" }],
    tags: TAGS,
    security: [{ session: [] }, { token: [] }],
  });
  describeParameters(document);
  return document;
}

interface DescribedParameter {
  name?: string;
  description?: string;
}

/** A parameter its schema does not describe gets the text of its name (`parameter-text.ts`). */
function describeParameters(document: Document) {
  for (const item of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(item ?? {}) as unknown[]) {
      const parameters = (operation as { parameters?: DescribedParameter[] } | null)?.parameters;
      for (const parameter of parameters ?? []) {
        if (parameter.name !== undefined && !parameter.description)
          parameter.description = PARAMETER_TEXT[parameter.name] ?? "";
      }
    }
  }
}

let generated: Document | null = null;

/** Generated once per isolate: the declarations do not change while it lives. */
export const openApiDocument = (app: OpenAPIHono<AppEnv>): Document =>
  (generated ??= generate(app));

const documentRoute = createRoute({
  method: "get",
  path: "/api/openapi.json",
  operationId: "getOpenApiDocument",
  summary: "OpenAPI 文档",
  description: "This OpenAPI 3.1 document.",
  tags: ["meta"],
  ...PUBLIC,
  responses: { 200: jsonAnswer("The document.", z.looseObject({ openapi: z.string() })) },
});

/**
 * The document's own route. It reads nothing per request, so any site (API explorers, code
 * generators) may fetch it and keep it for a while. `source` is the whole app, known only
 * once every route is mounted.
 */
export const documentRoutes = (source: () => OpenAPIHono<AppEnv>) =>
  routeGroup().openapi(documentRoute, (c) => {
    c.header("access-control-allow-origin", "*");
    c.header("cache-control", "public, max-age=300");
    return c.json(openApiDocument(source()), 200);
  });
