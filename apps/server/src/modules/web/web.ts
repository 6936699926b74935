import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FACE_HTML, faceOfPath } from "@equeue/contracts";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../shared/app-error";
import { sendError } from "../../shared/http/error-handler";
import { allowedMethodsOf } from "../../shared/http/allowed-methods";
import { tooLongPart, uriTooLong } from "../../shared/http/framework-errors";
import { companySlugFromHost } from "../tenancy";

export const webDistDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../../web/dist",
);

/** Content-hashed by Vite: a changed file gets a new name, so a copy may be kept for a year. */
const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * Serves the built web app: hashed assets compressed at build time (brotli or gzip, as the
 * browser accepts) and cached for good, and per face (portal, staff, kiosk, board) its own HTML
 * page as the SPA fallback, revalidated on every load so a new build is seen at once. On a
 * company's subdomain the page is told its company through a meta tag, so `/admin` there means
 * that company's admin panel.
 */
export async function registerWeb(
  app: FastifyInstance,
  opts: { baseDomain?: string | undefined; distDir?: string },
) {
  const dist = opts.distDir ?? webDistDir;
  const built = fs.existsSync(path.join(dist, FACE_HTML.portal));
  if (built) {
    await app.register(fastifyStatic, {
      root: dist,
      index: false,
      wildcard: true,
      decorateReply: false,
      preCompressed: true,
      // The HTML pages go through `sendPage` (company meta tag); Vite's manifest is build-only.
      allowedPath: (pathname) => !pathname.endsWith(".html") && !pathname.startsWith("/.vite/"),
      setHeaders: (reply, filePath) => {
        const hashed = path.relative(dist, filePath).split(path.sep)[0] === "assets";
        reply.header("cache-control", hashed ? IMMUTABLE : "no-cache");
      },
    });
  }

  // Read per change, not once: a rebuild while the server runs must not leave stale asset links.
  const cache = new Map<string, { mtimeMs: number; html: string }>();
  const readPage = (file: string): string | null => {
    const full = path.join(dist, file);
    if (!fs.existsSync(full)) return null;
    const { mtimeMs } = fs.statSync(full);
    let hit = cache.get(file);
    if (!hit || hit.mtimeMs !== mtimeMs) {
      hit = { mtimeMs, html: fs.readFileSync(full, "utf8") };
      cache.set(file, hit);
    }
    return hit.html;
  };

  const sendPage = (request: FastifyRequest, reply: FastifyReply, pathname: string) => {
    const slug = companySlugFromHost(request.headers.host, opts.baseDomain);
    const html = readPage(FACE_HTML[faceOfPath(pathname, slug !== null)]);
    if (html === null) return null;
    const page = slug
      ? html.replace("<head>", `<head><meta name="eq-company" content="${slug}">`)
      : html;
    // `no-cache`: kept, but revalidated each time; the ETag makes that a 304 without a body.
    const etag = `"${createHash("sha1").update(page).digest("base64url")}"`;
    reply.header("cache-control", "no-cache").header("etag", etag);
    if (request.headers["if-none-match"] === etag) return reply.code(304).send();
    return reply.type("text/html; charset=utf-8").send(page);
  };

  app.get("/", { schema: { hide: true } }, (request, reply) => {
    const sent = sendPage(request, reply, "/");
    if (sent === null)
      return reply
        .type("text/plain")
        .send("E-Queue API is running; the web app is not built (npm run build).");
    return sent;
  });

  // The platform's route table (app.ts); an app without one answers 404 only.
  const allowedMethodsAt = allowedMethodsOf(app.hasDecorator("routeTable") ? app.routeTable : []);
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split("?")[0] ?? "/";
    // HEAD too: `curl -I` and link checkers ask for a page's headers only.
    const isPage =
      (request.method === "GET" || request.method === "HEAD") &&
      !url.startsWith("/api/") &&
      url !== "/api" &&
      built;
    const sent = isPage ? sendPage(request, reply, url) : null;
    // The router answers 414 for an over-long path part only when no other route is left to
    // try; the static files' wildcard always is, so an API address with such a part ends here.
    if (sent === null && url.startsWith("/api/") && url.split("/").some(tooLongPart))
      return sendError(reply, uriTooLong());
    const allowed = sent === null && url.startsWith("/api/") ? allowedMethodsAt(url) : [];
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      reply.header("allow", allowed.join(", "));
      return sendError(
        reply,
        new AppError(
          "METHOD_NOT_ALLOWED",
          `${url} does not take ${request.method}; it takes ${allowed.join(", ")}.`,
        ),
      );
    }
    if (sent === null)
      return sendError(
        reply,
        new AppError("NOT_FOUND", `There is nothing at ${request.method} ${url}.`),
      );
    return sent;
  });
}
