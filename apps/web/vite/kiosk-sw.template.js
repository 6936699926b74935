/* global self, caches, __PRECACHE__ */
// The kiosk's service worker (scope /k/), written out by vite/kiosk-service-worker.ts with the
// build's file list in place of the two placeholders below. It keeps the kiosk's app shell: the
// page and every script, style and lazily loaded chunk it needs, so a kiosk whose server is away
// still opens and says so. API answers are never cached: a ticket is issued by the server or not.
const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__;
const CACHE = `eq-kiosk-${VERSION}`;
const SHELL = "/__kiosk-shell__";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith("eq-kiosk-") && key !== CACHE) await caches.delete(key);
      }
      // The page that registered us was loaded before we existed: keep a copy of it now.
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const page = windows.find((c) => new URL(c.url).pathname.startsWith("/k/"));
      if (page) await cacheShell(page.url).catch(() => undefined);
      await self.clients.claim();
    })(),
  );
});

async function cacheShell(url) {
  const res = await fetch(url, { credentials: "same-origin", cache: "no-cache" });
  if (res.ok && (res.headers.get("content-type") ?? "").includes("text/html")) {
    await (await caches.open(CACHE)).put(SHELL, res);
  }
  return res;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  if (request.mode === "navigate") {
    // The page: the network first (a new build is seen at once), the kept copy when it fails.
    event.respondWith(
      (async () => {
        try {
          const res = await fetch(request);
          if (res.ok) {
            const copy = res.clone();
            event.waitUntil(caches.open(CACHE).then((c) => c.put(SHELL, copy)));
          }
          return res;
        } catch {
          const kept = await caches.match(SHELL);
          return kept ?? Response.error();
        }
      })(),
    );
    return;
  }
  if (url.pathname.startsWith("/assets/")) {
    // Content-hashed files never change: the cache first.
    event.respondWith(caches.match(request).then((hit) => hit ?? fetch(request)));
  }
});
