import type { TrackingDto, Wire } from "@equeue/contracts";
import { requestJson } from "../../../lib/api/http";
import { companyApiBase } from "../../../lib/company-host";

/** What the holder of a ticket link sees: its own ticket, nobody else's. */
export type TrackedTicket = Wire<TrackingDto>;

export function fetchTrackedTicket(slug: string, token: string, signal?: AbortSignal) {
  return requestJson<TrackedTicket>(
    `${companyApiBase(slug)}/public/tickets/${encodeURIComponent(token)}`,
    { signal },
  );
}

/** "I am leaving": the holder cancels a waiting ticket; answers the ticket as tracked now. */
export function leaveQueue(slug: string, token: string) {
  return requestJson<TrackedTicket>(
    `${companyApiBase(slug)}/public/tickets/${encodeURIComponent(token)}/cancel`,
    { method: "POST", body: {} },
  );
}
