import { requestJson } from "../../../lib/api/http";
import { companyApiBase } from "../../../lib/company-host";
import type { Language } from "../../../lib/i18n";
import type { LocalizedText } from "../../../lib/localized";

// The server's kiosk shapes (apps/server/src/modules/kiosk/kiosk.schema.ts), as JSON.

export type KioskClosedReason = "CLOSED_TODAY" | "OUTSIDE_HOURS" | "DAILY_LIMIT";

export type WaitRange = {
  minutes: number;
  lowMinutes: number;
  highMinutes: number;
  noOperators: boolean;
};

export type KioskService = {
  id: string;
  letter: string;
  name: LocalizedText;
  durationMinutes: number;
  waiting: number;
  operatorsServing: number;
  wait: WaitRange;
  open: boolean;
  /** OFFLINE: the server is away and no reserved number is left for the service (kiosk only). */
  closedReason: KioskClosedReason | "OFFLINE" | null;
};

export type KioskSnapshot = {
  company: { name: string; logoUrl: string | null; primaryColor: string | null };
  branch: { id: string; name: LocalizedText; timeZone: string };
  settings: {
    languages: Language[];
    autoPrint: boolean;
    idleResetSeconds: number;
    offlineIssuing: boolean;
  };
  services: KioskService[];
  at: string;
};

export type KioskTicket = {
  label: string;
  token: string;
  trackPath: string;
  serviceName: LocalizedText;
  branchName: LocalizedText;
  issuedAt: string;
  peopleAhead: number;
  wait: WaitRange;
  /** Issued from the kiosk's reserved numbers while the server was away; handed in later. */
  offline?: boolean;
};

const deviceHeaders = (token: string) => ({ authorization: `Device ${token}` });

/** What the kiosk shows now: branding, settings, services with their lines. */
export const getKioskSnapshot = (slug: string, token: string, signal?: AbortSignal) =>
  requestJson<KioskSnapshot>(`${companyApiBase(slug)}/kiosk/snapshot`, {
    headers: deviceHeaders(token),
    signal,
  });

/** Issues a ticket at this kiosk; name and phone (E.164 or national digits) are optional. */
export const issueKioskTicket = (
  slug: string,
  token: string,
  body: { serviceId: string; name?: string; phone?: string; language?: Language },
) =>
  requestJson<{ ticket: KioskTicket }>(`${companyApiBase(slug)}/kiosk/tickets`, {
    method: "POST",
    headers: deviceHeaders(token),
    body,
  });

/** A booking checked in at the kiosk: where its holder stands now. */
export type KioskCheckIn = {
  label: string;
  status: "WAITING";
  trackPath: string;
  serviceName: LocalizedText;
  branchName: LocalizedText;
  appointmentAt: string;
  localTime: string;
  /** Came after the window: joined the line now, as a walk-in. */
  late: boolean;
  peopleAhead: number;
  wait: WaitRange;
};

/** Checks a booking of this kiosk's branch in, by the code on it or its scanned QR's token. */
export const checkInAtKiosk = (
  slug: string,
  token: string,
  body: { code: string } | { token: string },
) =>
  requestJson<{ ticket: KioskCheckIn }>(`${companyApiBase(slug)}/kiosk/check-in`, {
    method: "POST",
    headers: deviceHeaders(token),
    body,
  });
