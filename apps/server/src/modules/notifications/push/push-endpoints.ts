/**
 * The push services of the browsers people use. A subscription names the URL the platform will
 * POST to, so anyone holding a ticket link could otherwise make the server call any address: only
 * these hosts (over https) and the origins PUSH_ENDPOINT_ORIGINS adds are accepted.
 */
const KNOWN_PUSH_HOSTS = [
  "fcm.googleapis.com",
  "android.googleapis.com",
  "updates.push.services.mozilla.com",
  "push.services.mozilla.com",
  "web.push.apple.com",
  "notify.windows.com",
];

/** Whether the platform may send to this endpoint. */
export function isAllowedPushEndpoint(endpoint: string, extraOrigins: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (
    url.protocol === "https:" &&
    KNOWN_PUSH_HOSTS.some((h) => url.hostname === h || url.hostname.endsWith(`.${h}`))
  ) {
    return true;
  }
  return extraOrigins.some((o) => {
    const allowed = new URL(o);
    if (allowed.protocol !== url.protocol || allowed.hostname !== url.hostname) return false;
    // An origin without a port allows any port of that host (a test's fake on loopback).
    return !/:\d+$/.test(o.replace(/\/$/, "")) || allowed.port === url.port;
  });
}
