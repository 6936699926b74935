/**
 * Registers the kiosk's service worker (built as `/kiosk-sw.js`, see vite/kiosk-service-worker.ts)
 * for the kiosk's addresses only, so a kiosk opens even while its server is away. Not in
 * development: Vite's dev server has no such file.
 */
export function registerKioskServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  const register = () =>
    navigator.serviceWorker.register("/kiosk-sw.js", { scope: "/k/" }).catch(() => undefined);
  if (document.readyState === "complete") void register();
  else window.addEventListener("load", () => void register(), { once: true });
}
