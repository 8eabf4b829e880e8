import type { RouteConfig } from "@hono/zod-openapi";
import type { z } from "zod";
import app from "../../worker/index";
import { errorBodySchema } from "../../worker/openapi/bodies/errors";

/**
 * Every answer a worker test receives is held to what its route declares: a status the route
 * does not list, or a JSON body its schema refuses, fails the test that got it. So the
 * declarations (and with them the OpenAPI document and the web client's types) cannot drift
 * from what the handlers really send.
 */

interface Declared {
  method: string;
  pattern: RegExp;
  path: string;
  responses: RouteConfig["responses"];
}

let declared: Declared[] | null = null;

function declarations(): Declared[] {
  declared ??= app.openAPIRegistry.definitions.flatMap((d) =>
    d.type === "route"
      ? [
          {
            method: d.route.method.toUpperCase(),
            path: d.route.path,
            pattern: new RegExp(
              `^${d.route.path.replace(/[.]/g, "\\.").replace(/\{\w+\}/g, "[^/]+")}$`,
            ),
            responses: d.route.responses,
          },
        ]
      : [],
  );
  return declared;
}

/** Statuses any route may answer with whatever it declares: limits and the server's own failures. */
const ANY_ROUTE = new Set([401, 413, 415, 429, 500, 503]);

/** The problems with an answer, or [] when it is what its route declares. */
export function undeclaredAnswer(
  method: string,
  url: string,
  status: number,
  contentType: string | null,
  body: unknown,
): string[] {
  const path = new URL(url, "http://localhost").pathname;
  const route = declarations().find((d) => d.method === method && d.pattern.test(path));
  if (!route) return [];
  const where = `${method} ${route.path} → ${status}`;
  const declaredAnswer = route.responses[status];
  const isError = status >= 400;
  if (!declaredAnswer && !(isError && ANY_ROUTE.has(status)))
    return [`${where}: the route does not declare this status`];
  if (!contentType?.startsWith("application/json")) return [];
  const schema = isError ? errorBodySchema : jsonSchemaOf(declaredAnswer);
  if (!schema) return [`${where}: JSON answer, but the route declares no JSON body`];
  const parsed = schema.safeParse(body);
  return parsed.success
    ? []
    : parsed.error.issues
        .slice(0, 5)
        .map((i) => `${where}: ${i.path.join(".") || "(body)"}: ${i.message}`);
}

/** The zod schema of a declared answer's JSON body. */
function jsonSchemaOf(answer: RouteConfig["responses"][string] | undefined) {
  const media = answer && "content" in answer ? answer.content?.["application/json"] : undefined;
  return media && "schema" in media ? (media.schema as z.ZodType) : undefined;
}
