/**
 * The OpenAPI 3.1 document of the public API, made from the operations in `registry.ts` and
 * the zod schemas their routes validate with: parameters from each schema's input side (what
 * a client sends), bodies from the output side (what it receives).
 */

import { z } from "zod";
import { LICENCE } from "../public/licence";
import { reportDocumentSchema } from "../report/document";
import {
  OPERATIONS,
  PARAMETER_TEXT,
  TAGS,
  type HeaderSpec,
  type JsonSchema,
  type Operation,
  type ResponseSpec,
} from "./registry";
import {
  agencyDetailSchema,
  agencyListSchema,
  correctionsSchema,
  dataPackageSchema,
  errorBodySchema,
  indicatorsSchema,
  licenceSchema,
  publicAgencySchema,
  publicReportSchema,
  rollupSchema,
  seriesSchema,
} from "./responses";

/** Bump the major part on an incompatible change of `/api/public` or `/embed`. */
const API_VERSION = "1.0.0";

/** The shared bodies, each once under `#/components/schemas/<name>`. */
const COMPONENTS: Record<string, z.ZodType> = {
  Licence: licenceSchema,
  PublicAgency: publicAgencySchema,
  AgencyList: agencyListSchema,
  AgencyDetail: agencyDetailSchema,
  ReportDocument: reportDocumentSchema,
  PublicReport: publicReportSchema,
  Corrections: correctionsSchema,
  Rollup: rollupSchema,
  Indicators: indicatorsSchema,
  Series: seriesSchema,
  DataPackage: dataPackageSchema,
  ErrorBody: errorBodySchema,
};

const componentRef = (name: string) => `#/components/schemas/${name}`;

interface ParameterObject {
  name: string;
  in: "path" | "query";
  required: boolean;
  description: string;
  schema: JsonSchema;
}

interface ResponseObject {
  description: string;
  content?: Record<string, { schema: JsonSchema }>;
  headers?: Record<string, HeaderSpec>;
}

interface OperationObject {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters?: ParameterObject[];
  responses: Record<string, ResponseObject>;
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: {
    title: string;
    version: string;
    description: string;
    license: { name: string; url: string };
  };
  servers: { url: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Partial<Record<Operation["method"], OperationObject>>>;
  components: { schemas: Record<string, JsonSchema> };
}

/**
 * Query strings are text: their schemas coerce, default, transform and refine. The input side
 * is what a client sends; a transform or refinement is left out (`unrepresentable: "any"`)
 * rather than throwing, and the parameter's description says what it checks.
 */
const INPUT = { target: "draft-2020-12", io: "input", unrepresentable: "any" } as const;
const OUTPUT = {
  target: "draft-2020-12",
  io: "output",
  unrepresentable: "any",
  // zod writes `z.iso.datetime()` as `format: "date-time"` plus a 400-character regex that
  // says the same; the format alone reads better.
  override: ({ jsonSchema }: { jsonSchema: JsonSchema }) => {
    if (jsonSchema.format === "date-time") delete jsonSchema.pattern;
  },
} as const;

/** `$schema` and `$id` belong to a standalone schema, not to one inside the document. */
function embedded(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

function componentSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { ...OUTPUT, uri: componentRef });
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, embedded(schema)]));
}

function parametersOf(
  schema: z.ZodObject,
  location: ParameterObject["in"],
  text: Record<string, string>,
): ParameterObject[] {
  const json = z.toJSONSchema(schema, INPUT);
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    // OpenAPI requires `required: true` on every path parameter.
    required: location === "path" || required.has(name),
    description: text[name] ?? PARAMETER_TEXT[name] ?? "",
    schema: typeof property === "boolean" ? {} : embedded(property),
  }));
}

function bodySchema(body: z.ZodType | JsonSchema): JsonSchema {
  if (!(body instanceof z.ZodType)) return body;
  const name = Object.entries(COMPONENTS).find(([, schema]) => schema === body)?.[0];
  return name ? { $ref: componentRef(name) } : embedded(z.toJSONSchema(body, OUTPUT));
}

function responseOf(spec: ResponseSpec): ResponseObject {
  return {
    description: spec.description,
    ...(spec.content && {
      content: Object.fromEntries(
        Object.entries(spec.content).map(([type, body]) => [type, { schema: bodySchema(body) }]),
      ),
    }),
    ...(spec.headers && { headers: spec.headers }),
  };
}

function operationOf(op: Operation): OperationObject {
  const text = op.parameterText ?? {};
  const parameters = [
    ...(op.params ? parametersOf(op.params, "path", text) : []),
    ...(op.query ? parametersOf(op.query, "query", text) : []),
  ];
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: op.description,
    tags: [...op.tags],
    ...(parameters.length > 0 && { parameters }),
    responses: Object.fromEntries(
      Object.entries(op.responses).map(([status, spec]) => [status, responseOf(spec)]),
    ),
  };
}

export function buildOpenApiDocument(): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operationOf(op);
  return {
    openapi: "3.1.0",
    info: {
      title: "年报 Nianbao open data API",
      version: API_VERSION,
      description:
        "各机构已公开的政府信息公开工作年度报告的数字，无需登录。" +
        `${LICENCE.statement}\n\n` +
        "The figures of the agencies' published annual open-government-information reports, for anyone, with no session. " +
        `${LICENCE.statementEn} Every answer may be read from any site (CORS), carries the licence in a Link header and an ETag ` +
        "of the data version (send it as If-None-Match for a 304); JSON bodies carry `licence` and `data_version`. " +
        "Errors are JSON `{ error: { code, message, message_en, issues? } }`.",
      license: { name: "CC BY 4.0", url: LICENCE.url },
    },
    servers: [{ url: "/" }],
    tags: TAGS.map((tag) => ({ ...tag })),
    paths,
    components: { schemas: componentSchemas() },
  };
}

let built: OpenApiDocument | null = null;

/** Built once per isolate, on first use: the schemas do not change while it lives. */
export const openApiDocument = (): OpenApiDocument => (built ??= buildOpenApiDocument());
