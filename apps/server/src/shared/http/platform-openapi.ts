import { DETAIL_CODES } from "@equeue/contracts";
import { z } from "zod";

type Json = Record<string, unknown>;
type Operation = Json & { responses?: Record<string, Json>; security?: Json[] };
type Doc = Json & { paths?: Record<string, Record<string, Operation>>; components?: Json };

const METHODS = new Set(["get", "put", "post", "patch", "delete"]);
const INT32 = 2_147_483_647;

/** The one error shape every refusal has (`{ error: { code, message, details? } }`). */
export const errorBodySchema = z.strictObject({
  error: z.strictObject({
    code: z.string().max(64),
    message: z.string().max(1000),
    details: z
      .array(
        z.strictObject({
          path: z.string().max(200).describe("The field, e.g. `name.uz` or `branches.0.branchId`"),
          code: z
            .enum(DETAIL_CODES)
            .describe(
              "What is wrong with the field, stable for programs and translations; `params` gives the bounds of too_short/too_long/too_small/too_big/too_few/too_many",
            ),
          message: z.string().max(1000).describe("The same in English, saying what to change"),
          params: z
            .strictObject({
              min: z.number().min(-1e12).max(1e12).optional(),
              max: z.number().min(-1e12).max(1e12).optional(),
            })
            .optional(),
        }),
      )
      .max(100)
      .optional(),
  }),
});

const ERROR_REF = { $ref: "#/components/schemas/Error" };
const HEADER_REF = (name: string) => ({ $ref: `#/components/headers/${name}` });
const LIMIT_HEADERS = ["X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"];

/** What a refusal means, and which operations can give it. */
const REFUSALS: { code: string; description: string; when: (op: OpFacts) => boolean }[] = [
  {
    code: "400",
    description: "The input is not valid: `details` names each field and what to change.",
    when: (f) => f.hasInput,
  },
  {
    code: "401",
    description: "Not signed in, or the token is not valid (expired, revoked, another company's).",
    when: (f) => f.secured,
  },
  {
    code: "403",
    description: "Signed in, but this role or device may not do this.",
    when: (f) => f.secured,
  },
  {
    code: "404",
    description: "Not found (another company's objects are not found either).",
    when: (f) => f.hasPathParams,
  },
  {
    code: "429",
    description: "Too many requests from this client: wait `Retry-After` seconds.",
    when: () => true,
  },
  { code: "500", description: "Something went wrong on our side; retry later.", when: () => true },
];

type OpFacts = { hasInput: boolean; secured: boolean; hasPathParams: boolean };

/** `post /api/c/{slug}/admin/webhooks/{id}` → `postCAdminWebhooksById` (unique per document). */
function operationIdOf(method: string, path: string): string {
  const words = path
    .split("/")
    .filter((s) => s && s !== "api" && s !== "{slug}")
    .map((s) => (s.startsWith("{") ? `by-${s.slice(1, -1)}` : s))
    .flatMap((s) => s.split(/[^A-Za-z0-9]+/))
    .filter(Boolean);
  return method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
}

/**
 * Bounds a schema's format already enforces, and integer formats from the bounds: a uuid is 36
 * characters, a day 10; an answer's time is an ISO instant (24); a safe integer fits int64.
 */
function tighten(schema: unknown, inResponse: boolean): void {
  if (!schema || typeof schema !== "object") return;
  if (Array.isArray(schema)) {
    for (const s of schema) tighten(s, inResponse);
    return;
  }
  const s = schema as Json;
  if (s.type === "string" && s.maxLength === undefined && !s.enum && s.const === undefined) {
    if (s.format === "uuid") s.maxLength = 36;
    else if (s.format === "date") s.maxLength = 10;
    else if (s.format === "date-time" && inResponse) s.maxLength = 30;
  }
  if (s.type === "integer" && s.format === undefined) {
    const min = typeof s.minimum === "number" ? s.minimum : -Infinity;
    const max = typeof s.maximum === "number" ? s.maximum : Infinity;
    s.format = min >= -INT32 - 1 && max <= INT32 ? "int32" : "int64";
  }
  for (const value of Object.values(s)) tighten(value, inResponse);
}

/**
 * The platform's whole document (/api/openapi.json) with what every operation shares written
 * out: an operationId, an explicit anonymous security (`{}`) where no sign-in is needed, the
 * refusals it can give in the one error shape, the CORS and rate-limit headers every answer
 * carries (cors.ts, client-rate-limit.ts), and the bounds the formats already enforce.
 */
export function platformOpenApi(document: unknown, publicUrl: string): Doc {
  const doc = structuredClone(document) as Doc;
  const tags = new Set<string>();
  const ids = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      let id = (op.operationId as string | undefined) ?? operationIdOf(method, path);
      for (let n = 2; ids.has(id); n++) id = `${operationIdOf(method, path)}${n}`;
      ids.add(id);
      op.operationId = id;
      for (const t of (op.tags as string[] | undefined) ?? []) tags.add(t);
      if (Array.isArray(op.security) && op.security.length === 0) op.security = [{}];
      const params = (op.parameters as Json[] | undefined) ?? [];
      const facts: OpFacts = {
        hasInput: params.length > 0 || op.requestBody !== undefined,
        secured: (op.security ?? [{ bearer: [] }]).some((s) => Object.keys(s).length > 0),
        hasPathParams: params.some((p) => p.in === "path"),
      };
      const responses = (op.responses ??= {});
      for (const r of REFUSALS) {
        if (!r.when(facts) || responses[r.code]) continue;
        responses[r.code] = {
          description: r.description,
          content: { "application/json": { schema: ERROR_REF } },
        };
      }
      for (const [code, response] of Object.entries(responses)) {
        const headers: Json = {
          "Access-Control-Allow-Origin": HEADER_REF("Access-Control-Allow-Origin"),
        };
        if (/^[24]/.test(code)) for (const h of LIMIT_HEADERS) headers[h] = HEADER_REF(h);
        if (code === "429") headers["Retry-After"] = HEADER_REF("Retry-After");
        response.headers = { ...(response.headers as Json), ...headers };
      }
      tighten(op.parameters, false);
      tighten(op.requestBody, false);
      tighten(op.responses, true);
    }
  }
  const components = (doc.components ??= {});
  components.schemas = {
    ...(components.schemas as Json),
    Error: z.toJSONSchema(errorBodySchema, { target: "openapi-3.0" }),
  };
  components.headers = {
    "Access-Control-Allow-Origin": {
      description:
        "The request's `Origin` when it is the platform's own (its public address, a company's subdomain), else the public origin: other sites' pages cannot read answers",
      schema: { type: "string", format: "uri", maxLength: 300 },
    },
    "X-RateLimit-Limit": intHeader(
      "Requests a minute this client may make: the route's own stricter limit, else the signed-in caller's or (nobody signed in) the client address's",
    ),
    "X-RateLimit-Remaining": intHeader("Requests left in the window"),
    "X-RateLimit-Reset": intHeader("Seconds until the window starts again"),
    "Retry-After": intHeader("Seconds to wait before trying again"),
  };
  const where = publishedAt(publicUrl);
  return {
    ...doc,
    info: { ...(doc.info as Json), ...where.info },
    servers: where.servers,
    tags: tagList(tags),
  };
}

/** The documents' contact, licence and server: the platform's public address, over HTTPS. */
export function publishedAt(publicUrl: string) {
  const { host } = new URL(publicUrl);
  return {
    info: {
      contact: { name: "E-Queue platform", url: `https://${host}` },
      license: { name: "MIT" },
    },
    servers: [
      {
        url: `https://${host}`,
        description: "Production: the platform's public address (HTTPS only)",
        "x-internal": false,
      },
    ],
  };
}

/** A document's tag list, from the tags its operations use. */
export const tagList = (tags: Set<string>) =>
  [...tags].sort().map((name) => ({ name, description: `Operations: ${name}` }));

/** A header holding a small count (seconds, requests). */
export const intHeader = (description: string) => ({
  description,
  schema: { type: "integer", format: "int32", minimum: 0, maximum: 1_000_000 },
});
