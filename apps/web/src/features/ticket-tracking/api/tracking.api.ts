import type { TicketStatus } from "@equeue/core";
import { requestJson } from "../../../lib/api/http";
import { companyApiBase } from "../../../lib/company-host";
import type { LocalizedText } from "../../../lib/localized";

/** What the holder of a ticket link sees (apps/server/.../queue-views.schema.ts `trackingSchema`). */
export type TrackedTicket = {
  label: string;
  status: TicketStatus;
  serviceName: LocalizedText;
  branchName: LocalizedText;
  queuedAt: string | null;
  appointmentAt: string | null;
  calledAt: string | null;
  counterNumber: number | null;
  position: number | null;
  peopleAhead: number | null;
  estimate: {
    minutes: number;
    lowMinutes: number;
    highMinutes: number;
    noOperators: boolean;
  } | null;
  at: string;
};

export function fetchTrackedTicket(slug: string, token: string, signal?: AbortSignal) {
  return requestJson<TrackedTicket>(
    `${companyApiBase(slug)}/public/tickets/${encodeURIComponent(token)}`,
    { signal },
  );
}
