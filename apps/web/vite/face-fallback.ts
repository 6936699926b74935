import type { Plugin } from "vite";
// By path, not by package name: Vite loads its config with Node, which externalises packages and
// cannot run their TypeScript; a relative file is bundled into the config instead.
import { FACE_HTML, faceOfPath } from "../../../packages/contracts/src/faces.ts";

/**
 * The dev server's SPA fallback, per face: a page address (`/admin/companies`, `/d/x/y`) is
 * answered with that face's HTML, by the same rule as the production server (`@equeue/contracts`).
 */
export function faceFallback(): Plugin {
  return {
    name: "equeue:face-fallback",
    apply: "serve",
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const [pathname = "/", query = ""] = (req.url ?? "/").split("?");
        const isPage =
          req.method === "GET" &&
          req.headers.accept?.includes("text/html") &&
          !pathname.startsWith("/api") &&
          !pathname.startsWith("/@") &&
          !/\.[a-z0-9]+$/i.test(pathname);
        if (isPage)
          req.url = `/${FACE_HTML[faceOfPath(pathname, false)]}${query ? `?${query}` : ""}`;
        next();
      });
    },
  };
}
