import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { AppError, type ErrorDetail } from "../app-error";

// NUL and the other C0 controls (except tab, line feed and carriage return) have no place in
// names, notes or ids, and PostgreSQL refuses NUL in text and jsonb outright. A lone UTF-16
// surrogate cannot be stored either (jsonb refuses the escape). One rule for every JSON string,
// object key, query and path value, checked before any schema or query sees them.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
// In unicode mode a surrogate range matches only a surrogate that is not part of a pair.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const MAX_DETAILS = 20;
// A text of nothing but zero-width, direction and combining marks (and spaces) shows nothing:
// a "name" of U+200B would print as a blank on the operator's screen and the ticket. Plain
// spaces alone are left to each field's own rule ("fill this in").
const INVISIBLE_ONLY = /^[\p{Cf}\p{M}\p{Z}\s]+$/u;
const INVISIBLE = /[\p{Cf}\p{M}]/u;

function problemOf(text: string): string | null {
  const bad = CONTROL.exec(text);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    return `Remove the invisible control character U+${code}: only printable text, tabs and line breaks are allowed.`;
  }
  if (LONE_SURROGATE.test(text))
    return "Remove the broken character (an unpaired UTF-16 surrogate) from this text.";
  if (INVISIBLE_ONLY.test(text) && INVISIBLE.test(text))
    return "This text is only invisible characters (such as zero-width spaces or accents on nothing); write letters or digits.";
  return null;
}

// Our bodies nest a few levels (weekly hours: day → breaks → item); anything far deeper is
// an attack on the parsers and validators that follow, which all recurse.
const MAX_DEPTH = 32;

// The JSON parser is told to keep these (Fastify would otherwise refuse the body as "not valid
// JSON", which it is): parsed JSON holds them as plain own fields, harmless until something
// copies them onto an object, and they are refused here before any handler could.
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** The field paths (`name.uz`, `query.search`) of every text holding a forbidden character. */
export function findControlCharacters(parts: { prefix: string; value: unknown }[]): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  // Iterative, so a hostile nesting depth cannot overflow the stack before it is refused.
  const stack = parts.map(({ prefix, value }) => ({ path: prefix ? [prefix] : [], value }));
  while (stack.length && out.length < MAX_DETAILS) {
    const { path, value } = stack.pop()!;
    const where = path.join(".") || "body";
    if (typeof value === "string") {
      const problem = problemOf(value);
      if (problem) out.push({ path: where, code: "unreadable_text", message: problem });
    } else if (value && typeof value === "object") {
      if (path.length > MAX_DEPTH) {
        out.push({
          path: where,
          code: "unreadable_text",
          message: `Nest values at most ${MAX_DEPTH} levels deep.`,
        });
        continue;
      }
      for (const [key, item] of Object.entries(value)) {
        const problem = problemOf(key);
        if (PROTOTYPE_KEYS.has(key))
          out.push({
            path: [...path, key].join("."),
            code: "unknown_field",
            message: `No operation takes a field named "${key}"; remove it.`,
          });
        else if (problem)
          out.push({
            path: [...path, key].join("."),
            code: "unreadable_text",
            message: `Field name: ${problem}`,
          });
        else stack.push({ path: [...path, key], value: item });
      }
    }
  }
  return out;
}

const isEmptyObject = (v: unknown) =>
  !!v && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0;

// A route that takes no input still states so, so a body with fields is refused (400 naming
// them) instead of ignored; no body and `{}` stay fine. Given to every such route by onRoute.
const NO_BODY = "This operation takes no input: send no body or {}.";
// Fastify hands a request without a body to the validator as null.
const noBody = z.strictObject({}).nullish().describe(NO_BODY);

type RequestBodyLike = { requestBody?: { required?: boolean; description?: string } };

/** @fastify/swagger marks every body required; those of operations without input are not. */
export function markOptionalBodies<T extends { paths?: object }>(doc: T): T {
  const paths = (doc.paths ?? {}) as Record<string, Record<string, RequestBodyLike | undefined>>;
  for (const ops of Object.values(paths))
    for (const op of Object.values(ops ?? {}))
      if (op?.requestBody?.description === NO_BODY) op.requestBody.required = false;
  return doc;
}

const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Installs the input rules every route shares: no control characters anywhere, no empty PATCH,
 * and no unknown fields on routes without a body. Call before any route is registered.
 */
export function installInputHygiene(app: FastifyInstance) {
  app.addHook("onRoute", (route) => {
    const methods = [route.method].flat();
    const schema = route.schema;
    if (!schema || schema.body || schema.hide) return;
    if (!methods.some((m) => BODY_METHODS.has(m))) return;
    if (schema.consumes?.some((c) => c.startsWith("multipart/"))) return;
    schema.body = noBody;
  });

  // A compressed body (Content-Encoding: gzip…) is not decoded here; read as JSON it would be
  // "not valid JSON", which sends the caller looking in the wrong place.
  // A path no route has (or a method it does not take) is answered 404 or 405 by the not-found
  // handler, whatever its body: the checks below are about input a route would read.
  app.addHook("preParsing", async (request: FastifyRequest) => {
    if (request.is404) return;
    const encoding = request.headers["content-encoding"]?.trim().toLowerCase();
    if (encoding && encoding !== "identity") {
      throw new AppError(
        "UNSUPPORTED_MEDIA_TYPE",
        `Send the request body uncompressed: Content-Encoding "${encoding.slice(0, 20)}" is not accepted.`,
      );
    }
  });

  app.addHook("preValidation", async (request: FastifyRequest) => {
    if (request.is404) return;
    const details = findControlCharacters([
      { prefix: "params", value: request.params },
      { prefix: "query", value: request.query },
      { prefix: "", value: request.body },
    ]);
    if (details.length) {
      throw new AppError(
        "VALIDATION_FAILED",
        "Some values hold invisible control characters (such as NUL) or are nested too deeply; see details.",
        { details },
      );
    }
    const type = request.headers["content-type"] ?? "";
    const consumes = request.routeOptions.schema?.consumes ?? [];
    if (/^multipart\//i.test(type) && !consumes.some((c) => c.startsWith("multipart/"))) {
      // The multipart parser reads lazily and leaves the body empty, which a route without
      // input would otherwise take for "no body".
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as application/json.");
    }
    if (request.method === "PATCH" && isEmptyObject(request.body)) {
      throw new AppError("VALIDATION_FAILED", "Send at least one field to change.", {
        details: [
          { path: "body", code: "required", message: "Send at least one field to change." },
        ],
      });
    }
  });
}
