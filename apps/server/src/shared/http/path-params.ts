import type { FastifyInstance } from "fastify";
import { z } from "zod";

/** A company's address in a path: its slug (at most 63 characters, a DNS label). */
export const slugParam = z.string().max(63, "This is not a company address.");
/** Any other path value a route did not describe (tokens, codes): never this long. */
const pathValue = z.string().max(500, "This path value is too long.");

const paramNames = (url: string) => [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);

/**
 * Every path value is bounded, where the routes are declared: a route without a params schema
 * gets one for the values its path names, and a declared `slug` without a limit gets the
 * slug's. Call before any route is registered.
 */
export function boundPathParams(app: FastifyInstance): void {
  app.addHook("onRoute", (route) => {
    const schema = route.schema;
    if (!schema || schema.hide || route.url.includes("*")) return;
    const names = paramNames(route.url);
    if (names.length === 0) return;
    if (schema.params === undefined) {
      schema.params = z.object(
        Object.fromEntries(names.map((n) => [n, n === "slug" ? slugParam : pathValue])),
      );
      return;
    }
    const params = schema.params;
    if (params instanceof z.ZodObject && names.includes("slug")) {
      const slug = params.shape.slug;
      if (!(slug instanceof z.ZodString) || slug.maxLength === null) {
        schema.params = params.extend({ slug: slugParam });
      }
    }
  });
}
