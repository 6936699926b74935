import type { LateArrival } from "@equeue/core";
import { requestJson } from "../../../lib/api/http";
import { companyApiBase } from "../../../lib/company-host";
import { textLanguage } from "../../../lib/i18n";
import type { LocalizedText } from "../../../lib/localized";

/** One bookable time; `localDate`/`localTime` are the branch's own calendar and clock. */
export type BookingSlot = {
  startsAt: string;
  endsAt: string;
  localDate: string;
  localTime: string;
  capacity: number;
  available: number;
};

export type SlotsPage = {
  branch: { id: string; slug: string; name: LocalizedText; timeZone: string };
  service: { id: string; name: LocalizedText; durationMinutes: number };
  firstDay: string;
  lastDay: string;
  slots: BookingSlot[];
};

export type Booking = {
  token: string;
  label: string;
  status: string;
  trackPath: string;
  calendarPath: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  localDate: string;
  localTime: string;
  branch: { id: string; slug: string; name: LocalizedText };
  service: { id: string; name: LocalizedText; durationMinutes: number };
  customerName: string | null;
  checkIn: { opensAt: string; closesAt: string; lateArrival: LateArrival };
  canCheckIn: boolean;
  /** The 6 digits to type at a kiosk of the branch to check in there. */
  checkInCode: string;
  canChange: boolean;
  canCancel: boolean;
};

const base = (slug: string) => `${companyApiBase(slug)}/portal`;

export const fetchSlots = (
  slug: string,
  q: { branchSlug: string; serviceId: string; from: string | null; to: string | null },
  signal?: AbortSignal,
) =>
  requestJson<SlotsPage>(
    `${base(slug)}/branches/${encodeURIComponent(q.branchSlug)}/slots?serviceId=${encodeURIComponent(q.serviceId)}${q.from && q.to ? `&from=${q.from}&to=${q.to}` : ""}`,
    { signal },
  );

// The page's language goes along: the customer's SMS speak it.
export const createBooking = (
  slug: string,
  body: {
    branchId: string;
    serviceId: string;
    startsAt: string;
    phone: string;
    name?: string | null;
    email?: string | null;
  },
) =>
  requestJson<{ booking: Booking }>(`${base(slug)}/bookings`, {
    method: "POST",
    body: { ...body, language: textLanguage() },
  });

const bookingUrl = (slug: string, token: string) =>
  `${base(slug)}/bookings/${encodeURIComponent(token)}`;

export const fetchBooking = (slug: string, token: string, signal?: AbortSignal) =>
  requestJson<{ booking: Booking }>(bookingUrl(slug, token), { signal });

export const checkInBooking = (slug: string, token: string) =>
  requestJson<{ booking: Booking }>(`${bookingUrl(slug, token)}/check-in`, { method: "POST" });

export const cancelBooking = (slug: string, token: string) =>
  requestJson<{ booking: Booking }>(`${bookingUrl(slug, token)}/cancel`, { method: "POST" });

export const rescheduleBooking = (slug: string, token: string, startsAt: string) =>
  requestJson<{ booking: Booking }>(`${bookingUrl(slug, token)}/reschedule`, {
    method: "POST",
    body: { startsAt },
  });
