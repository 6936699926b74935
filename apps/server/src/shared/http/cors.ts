import type { FastifyInstance } from "fastify";

/**
 * The platform's own origins: its public address and, with BASE_DOMAIN, the company
 * subdomains (`<slug>.<BASE_DOMAIN>`, over http or https: branch LANs may be plain HTTP).
 */
export function ownOrigins(publicUrl: string, baseDomain: string | undefined) {
  const main = new URL(publicUrl).origin;
  const escaped = baseDomain?.replace(/[.]/g, "\\.");
  const sub = escaped ? new RegExp(`^https?://([a-z0-9-]{1,63}\\.)?${escaped}$`) : null;
  return { main, isOwn: (origin: string) => origin === main || (sub?.test(origin) ?? false) };
}

/**
 * `Access-Control-Allow-Origin` on every /api answer: the request's `Origin` when it is one of
 * the platform's own, else the public origin — so a page of another site can never read an
 * answer, and the platform's own pages (same origin in practice) can. No credentials are ever
 * allowed cross-origin and no preflight is answered: sign-in tokens stay first-party.
 */
export function installCors(app: FastifyInstance, publicUrl: string, baseDomain?: string): void {
  const { main, isOwn } = ownOrigins(publicUrl, baseDomain);
  app.addHook("onRequest", async (request, reply) => {
    if (!request.url.startsWith("/api/")) return;
    const origin = request.headers.origin;
    reply.header("access-control-allow-origin", origin && isOwn(origin) ? origin : main);
    reply.header("vary", "Origin");
  });
}
