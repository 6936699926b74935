// The booking module's entry for other modules: the kiosk checks a booking in through it.
export { checkInAtKiosk, type KioskCheckInInput } from "./kiosk-check-in.command";
export { checkInCodeOf, CHECK_IN_CODE_DIGITS } from "./check-in-code";
export type { BookingRow } from "./booking.repository";
export { BookingSetups, BOOKING_SETUP_TTL_MS } from "./booking-setups";
export { bookingMailAttachments, type MailAttachment } from "./booking-mail-attachment";
export { bookTime } from "./book-time.command";
export { cancelBooking } from "./booking-changes.command";
export { findBookingByToken } from "./booking.repository";
export { toBookingDto } from "./booking.mapper";
export { bookableOnline, listSlots } from "./booking-slots.service";
export { cancelAfterHoursChange, findBookingsOutsideHours } from "./bookings-outside-hours";
export { findSlotsShortOfStaff, type ShortSlot } from "./bookings-beyond-staff";
export { cancelAfterOfferChange } from "./bookings-not-offered";
export { bookingsOfBranchService } from "./bookings-count.query";
