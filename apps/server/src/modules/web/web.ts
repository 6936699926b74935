import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
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
  if (fs.existsSync(indexFile)) {
    await app.register(fastifyStatic, {
      root: dist,
      index: false,
      wildcard: true,
      decorateReply: false,
    });
  }
  // Read per change, not once: a rebuild while the server runs must not leave stale asset links.
  let cached: { mtimeMs: number; html: string } | null = null;
  const readIndex = (): string | null => {
    if (!fs.existsSync(indexFile)) return null;
    const { mtimeMs } = fs.statSync(indexFile);
    if (!cached || cached.mtimeMs !== mtimeMs)
      cached = { mtimeMs, html: fs.readFileSync(indexFile, "utf8") };
    return cached.html;
  };
  const sendApp = (request: FastifyRequest, reply: FastifyReply, html: string) => {
    const slug = companySlugFromHost(request.headers.host, opts.baseDomain);
    const page = slug
      ? html.replace("<head>", `<head><meta name="eq-company" content="${slug}">`)
      : html;
    return reply.type("text/html").header("cache-control", "no-cache").send(page);
  };

  app.get("/", { schema: { hide: true } }, (request, reply) => {
    const html = readIndex();
    if (!html)
      return reply
        .type("text/plain")
        .send("E-Queue API is running; the web app is not built (npm run build).");
    return sendApp(request, reply, html);
  });

  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split("?")[0] ?? "/";
    const indexHtml = readIndex();
    if (url.startsWith("/api/") || url === "/api" || request.method !== "GET" || !indexHtml) {
      return sendError(
        reply,
        new AppError("NOT_FOUND", `There is nothing at ${request.method} ${url}.`),
      );
    }
    return sendApp(request, reply, indexHtml);
  });
}
