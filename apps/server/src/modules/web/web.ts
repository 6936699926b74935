import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { AppError } from "../../shared/app-error";
import { sendError } from "../../shared/http/error-handler";
import { companySlugFromHost } from "../tenancy/tenancy";

export const webDistDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../../web/dist",
);

/**
 * Serves the built web app with an SPA fallback. On a company's subdomain the page is told its
 * company through a meta tag, so `/admin` there means that company's admin panel.
 */
export async function registerWeb(
  app: FastifyInstance,
  opts: { baseDomain?: string | undefined; distDir?: string },
) {
  const dist = opts.distDir ?? webDistDir;
  const indexFile = path.join(dist, "index.html");
  const hasWeb = fs.existsSync(indexFile);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: dist,
      index: false,
      wildcard: true,
      decorateReply: false,
    });
  }
  const indexHtml = hasWeb ? fs.readFileSync(indexFile, "utf8") : null;

  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split("?")[0] ?? "/";
    if (url.startsWith("/api/") || url === "/api" || request.method !== "GET" || !indexHtml) {
      return sendError(
        reply,
        new AppError("NOT_FOUND", `There is nothing at ${request.method} ${url}.`),
      );
    }
    const slug = companySlugFromHost(request.headers.host, opts.baseDomain);
    const html = slug
      ? indexHtml.replace("<head>", `<head><meta name="eq-company" content="${slug}">`)
      : indexHtml;
    return reply.type("text/html").header("cache-control", "no-cache").send(html);
  });
}
