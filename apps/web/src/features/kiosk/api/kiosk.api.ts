import type {
  KioskCheckInDto,
  KioskClosedReason,
  KioskServiceDto,
  KioskSnapshotDto,
  KioskTicketDto,
  WaitRangeDto,
  Wire,
} from "@equeue/contracts";
import { requestJson } from "../../../lib/api/http";
import { companyApiBase } from "../../../lib/company-host";
import type { Language } from "../../../lib/i18n";
import type { LocalizedText } from "../../../lib/localized";

export type { KioskClosedReason };

export type WaitRange = Wire<WaitRangeDto>;

export type KioskService = Omit<Wire<KioskServiceDto>, "closedReason"> & {
  /** OFFLINE: the server is away and no reserved number is left for the service (kiosk only). */
  closedReason: KioskClosedReason | "OFFLINE" | null;
};

export type KioskSnapshot = Omit<Wire<KioskSnapshotDto>, "services"> & {
  services: KioskService[];
};

/**
 * A ticket as the receipt shows it. One issued offline has no id until it is handed in, and
 * only the branch name the kiosk was paired with, if the snapshot never arrived.
 */
export type KioskTicket = Omit<Wire<KioskTicketDto>["ticket"], "id" | "branchName"> & {
  branchName: LocalizedText;
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
export type KioskCheckIn = Wire<KioskCheckInDto>["ticket"];

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
