import type { Plugin } from "vite";
import { FACE_HTML, faceOfPath } from "../src/app/faces/face-of-path.ts";

/**
 * The dev server's SPA fallback, per face: a page address (`/admin/companies`, `/d/x/y`) is
 * answered with that face's HTML, as the production server does (`modules/web/faces.ts`).
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
