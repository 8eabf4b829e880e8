import { OpenAPIHono } from "@hono/zod-openapi";
import type { z } from "zod";
import type { AppEnv } from "../app-env";
import { validationFailed } from "../http/errors";
import { describeIssues } from "../report/document";

/**
 * A group of routes declared with `createRoute`: each route's request and response schemas
 * validate the request, type the handler and the web client, and make the OpenAPI document.
 * An invalid request gets the one 400 shape every route answers with (a wrong or missing
 * content type on a JSON body is a 415, mapped in the app's onError).
 */
export const routeGroup = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success)
        throw validationFailed(describeIssues(result.error as unknown as z.ZodError));
    },
  });
