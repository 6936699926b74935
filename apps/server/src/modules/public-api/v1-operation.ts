import { API_KEY_SCOPE, type ApiKeyScope } from "@equeue/contracts";
import type { FastifyRequest } from "fastify";
import { requireApiScope, callerOf } from "../access";

export { API_KEY_SCOPE };

export const TAGS = {
  queue: "public API: queue",
  tickets: "public API: tickets",
  bookings: "public API: bookings",
  reports: "public API: reports",
} as const;

/** Route-level onRequest: the key must hold `scope` (403 naming it otherwise). */
export const needs =
  (scope: ApiKeyScope) =>
  async (request: FastifyRequest): Promise<void> => {
    requireApiScope(callerOf(request), scope);
  };

/** What every /api/v1 operation documents besides its own schemas. */
export const v1Doc = (operationId: string, scope: ApiKeyScope) => ({
  operationId,
  security: [{ apiKey: [] }],
  description: `Needs an API key with the \`${scope}\` scope.`,
});
