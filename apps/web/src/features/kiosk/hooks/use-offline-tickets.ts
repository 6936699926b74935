import { useEffect, useMemo, useState } from "react";
import { OfflineTickets } from "../offline/offline-tickets";

// How often a kiosk tries to hand in what it issued offline, and to renew its numbers.
const SYNC_EVERY_MS = 15_000;

/**
 * The kiosk's offline numbers: kept ready while online (reserved, renewed each day or when
 * low) and the tickets issued offline handed in — at once when the connection returns, then
 * every few seconds (Background Sync is not available everywhere). `version` changes when the
 * kept numbers do, so the screen can redraw what may be issued.
 */
export function useOfflineTickets(
  slug: string,
  token: string,
  timeZone: string | null,
  offline: boolean,
  /** The kiosk's setting: keep numbers for offline issuing (what was issued is handed in anyway). */
  reserve: boolean,
) {
  const tickets = useMemo(() => new OfflineTickets(slug, token), [slug, token]);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!timeZone) return;
    let live = true;
    const tick = () => {
      if (reserve)
        tickets
          .prepare(timeZone, !offline)
          .catch(() => undefined)
          .then(() => live && setVersion((v) => v + 1));
      if (!offline) tickets.sync().catch(() => undefined);
    };
    tick();
    const timer = setInterval(tick, SYNC_EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [tickets, timeZone, offline, reserve]);
  return { tickets: reserve ? tickets : null, version };
}
