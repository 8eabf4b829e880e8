import { OpenAPIHono, type RouteConfig } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import { unsupportedMediaType } from "../http/errors";
import { isJson, refuseInvalid } from "../http/validate";

/**
 * A group of routes declared with `createRoute`: each route's request and response schemas
 * validate the request, type the handler and the web client, and make the OpenAPI document.
 * An invalid request gets the one 400 shape every route answers with.
 */
export function routeGroup() {
  const group = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => refuseInvalid(result),
  });
  const declare = group.openapi;
  group.openapi = (route, handler, hook) => declare(withJsonGate(route), handler, hook);
  return group;
}

/**
 * A route that takes a JSON body refuses anything else with 415, an empty request included:
 * zod-openapi would read a write with no body and no content type as `{}`, and a PATCH of
 * nothing would answer 200 having done nothing. After the route's own middleware, so that who
 * may not write at all hears that first.
 */
function withJsonGate<R extends RouteConfig>(route: R): R {
  if (!route.request?.body?.required) return route;
  const own = route.middleware ? [route.middleware].flat() : [];
  return { ...route, middleware: [...own, jsonOnly] };
}

const jsonOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!isJson(c.req.header("content-type"))) throw unsupportedMediaType();
  await next();
};
