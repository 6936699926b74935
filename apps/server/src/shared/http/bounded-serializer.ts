import type { FastifyBaseLogger } from "fastify";
import type { FastifySerializerCompiler } from "fastify/types/schema";
import { ResponseSerializationError, serializerCompiler } from "fastify-type-provider-zod";
import { safeEncode, type core, type ZodType } from "zod";

type Issue = core.$ZodIssue;

/** A text or list answered longer than the document says it can be. */
const tooLong = (i: Issue): i is core.$ZodIssueTooBig =>
  i.code === "too_big" && (i.origin === "string" || i.origin === "array");

/** `data` with the value at each issue's path cut to its bound (a copy; `data` is untouched). */
function cutToBounds(data: unknown, issues: core.$ZodIssueTooBig[]): unknown {
  let copy = structuredClone(data);
  for (const issue of issues) {
    const path = issue.path;
    if (path.length === 0) {
      if (typeof copy === "string" || Array.isArray(copy))
        copy = copy.slice(0, Number(issue.maximum));
      continue;
    }
    let parent: unknown = copy;
    for (const key of path.slice(0, -1)) parent = (parent as Record<PropertyKey, unknown>)?.[key];
    const last = path.at(-1)!;
    const holder = parent as Record<PropertyKey, unknown> | undefined;
    const value = holder?.[last];
    if (typeof value === "string" || Array.isArray(value))
      holder![last] = value.slice(0, Number(issue.maximum));
  }
  return copy;
}

/**
 * Answers are encoded through their zod schema (unknown keys dropped), as the provider's own
 * serializer does, with one difference: a text or list longer than the bound the document
 * states (a value stored before that bound, or by a path that did not check it) is cut to the
 * bound and logged, instead of turning a good answer into a 500. Any other mismatch is still
 * an error.
 */
export function boundedSerializerCompiler(
  log: FastifyBaseLogger,
): FastifySerializerCompiler<ZodType> {
  return (route) => {
    const schema = route.schema as unknown;
    if (!(schema && typeof schema === "object" && "_zod" in schema))
      return serializerCompiler(route);
    const zod = schema as ZodType;
    return (data) => {
      let result = safeEncode(zod, data);
      if (result.error && result.error.issues.every(tooLong)) {
        log.warn(
          { method: route.method, url: route.url, paths: result.error.issues.map((i) => i.path) },
          "answer longer than its documented bound; cut to it",
        );
        const issues = result.error.issues as core.$ZodIssueTooBig[];
        try {
          result = safeEncode(zod, cutToBounds(data, issues));
        } catch {
          // Not a plain value (structuredClone refused it): the first error stands.
        }
      }
      if (result.error)
        throw new ResponseSerializationError(route.method, route.url, { cause: result.error });
      return JSON.stringify(result.data);
    };
  };
}
