import { z } from "zod";
import { intHeader, publishedAt, tagList } from "../../shared/http/platform-openapi";
import { errorSchema } from "./v1.schema";

type Json = Record<string, unknown>;
type Doc = {
  paths?: Record<string, Record<string, Json>>;
  components?: Json;
  [k: string]: unknown;
};

export const V1_PREFIX = "/api/v1/";

/** What a refusal means on every /api/v1 operation (all in the one error shape). */
const REFUSALS: Record<string, string> = {
  "400": "The request is not valid: `details` names each field and what to change.",
  "401": "No API key, or a key that is not valid or was revoked.",
  "403": "The key does not have the scope this operation needs.",
  "404": "Not found in the key's company (another company's ids are not found either).",
  "409": "The queue refused: branch closed, daily limit, slot full, already booked, …",
  "429": "The key's rate limit is spent: wait `Retry-After` seconds.",
  "500": "Something went wrong on our side; retry later.",
};

const rateHeaders = {
  "Access-Control-Allow-Origin": { $ref: "#/components/headers/Access-Control-Allow-Origin" },
  "X-RateLimit-Limit": { $ref: "#/components/headers/X-RateLimit-Limit" },
  "X-RateLimit-Remaining": { $ref: "#/components/headers/X-RateLimit-Remaining" },
  "X-RateLimit-Reset": { $ref: "#/components/headers/X-RateLimit-Reset" },
};

/**
 * The integrators' document: only the /api/v1 operations of the platform's OpenAPI, each with the
 * error responses it can give (one error shape), the rate-limit headers it sends and the API-key
 * security scheme; served at /api/v1/openapi.json. `publicUrl` names the server (over HTTPS).
 */
export function v1OpenApi(document: unknown, publicUrl: string): Doc {
  const full = document as Doc;
  const paths: Record<string, Record<string, Json>> = {};
  const tags = new Set<string>();
  for (const [path, item] of Object.entries(full.paths ?? {})) {
    if (!path.startsWith(V1_PREFIX) || path === `${V1_PREFIX}openapi.json`) continue;
    const ops: Record<string, Json> = {};
    for (const [method, op] of Object.entries(item)) {
      const responses = { ...((op.responses as Record<string, Json>) ?? {}) };
      for (const [code, response] of Object.entries(responses)) {
        responses[code] = { ...response, headers: { ...rateHeaders } };
      }
      for (const [code, description] of Object.entries(REFUSALS)) {
        const headers: Json =
          code === "429"
            ? { ...rateHeaders, "Retry-After": { $ref: "#/components/headers/Retry-After" } }
            : code.startsWith("4")
              ? rateHeaders
              : { "Access-Control-Allow-Origin": rateHeaders["Access-Control-Allow-Origin"] };
        responses[code] = {
          description,
          headers,
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        };
      }
      for (const t of (op.tags as string[]) ?? []) tags.add(t);
      ops[method] = { ...op, responses };
    }
    paths[path] = ops;
  }
  const { origin } = new URL(publicUrl);
  const where = publishedAt(publicUrl);
  return {
    openapi: "3.0.3",
    info: {
      title: "E-Queue public API",
      version: "1.0.0",
      description:
        "For a company's own systems: branches and services, the queue now, tickets, bookings and reports. Authenticate with one of the company's API keys (`Authorization: Bearer eqk_…`, created by the company admin). See docs/api.md.",
      ...where.info,
    },
    servers: where.servers,
    tags: tagList(tags),
    security: [{ apiKey: [] }],
    paths,
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "eqk_{prefix}_{secret}",
          description: "A company API key; its scopes decide which operations it may call.",
        },
      },
      schemas: { Error: z.toJSONSchema(errorSchema, { target: "openapi-3.0" }) },
      headers: {
        "Access-Control-Allow-Origin": {
          description:
            "The platform's own origin only: a key is a server's secret, never a browser page's.",
          schema: { type: "string", enum: [origin] },
        },
        "X-RateLimit-Limit": intHeader(
          "Requests per minute: the key's own limit; on refusals before the key is checked, the client address's",
        ),
        "X-RateLimit-Remaining": intHeader("Requests left in the current minute"),
        "X-RateLimit-Reset": intHeader("Seconds until the minute's count starts again"),
        "Retry-After": intHeader("Seconds to wait before trying again"),
      },
    },
  };
}
