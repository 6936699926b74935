import type { MessageBundle } from "..";
import { bookingUz } from "../booking/uz";

/** "Book a time" and a booking's page: loaded with those pages, not with the portal's first screen. */
export const bookingMessages: MessageBundle = {
  uz: { booking: bookingUz },
  ru: () => import("../booking/ru").then((m) => ({ booking: m.bookingRu })),
  en: () => import("../booking/en").then((m) => ({ booking: m.bookingEn })),
};
