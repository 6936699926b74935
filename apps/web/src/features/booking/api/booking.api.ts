import type { BookingDto, SlotDto, SlotsDto, Wire } from "@equeue/contracts";
import { requestJson } from "../../../lib/api/http";
import { companyApiBase } from "../../../lib/company-host";
import { currentLanguage } from "../../../lib/i18n";

/** One bookable time; `localDate`/`localTime` are the branch's own calendar and clock. */
export type BookingSlot = Wire<SlotDto>;

export type SlotsPage = Wire<SlotsDto>;

export type Booking = Wire<BookingDto>;

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
    body: { ...body, language: currentLanguage() },
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
