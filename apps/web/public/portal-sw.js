// The portal's service worker: web push for the live ticket page. It caches nothing and has no
// fetch handler, so every page loads from the network as before; it only shows the platform's
// push messages ("go to counter 3") and opens or focuses the ticket's page when one is tapped.
/* global self */

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : "" };
  }
  event.waitUntil(
    self.registration.showNotification(data.title || "E-Queue", {
      body: data.body || "",
      tag: data.tag || undefined,
      renotify: Boolean(data.tag),
      requireInteraction: true,
      vibrate: [300, 150, 300],
      data: { url: data.url || "/" },
    }),
  );
});

/** The ticket token of a tracking address (/t/{token} or /c/{slug}/t/{token}), if any. */
function ticketToken(href) {
  const m = /\/t\/([^/?#]+)/.exec(new URL(href, self.location.origin).pathname);
  return m ? m[1] : null;
}

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = (event.notification.data && event.notification.data.url) || "/";
  const token = ticketToken(url);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const open = windows.find((w) => token !== null && ticketToken(w.url) === token);
      if (open) return open.focus();
      return self.clients.openWindow(url);
    })(),
  );
});
