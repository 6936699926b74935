// `@equeue/server/booking`: the portal's "book a time" command and the slot lock it takes, called
// without HTTP by the booking benchmark (its raw ceiling), plus the company-schema handle they need.
export {
  bookTime,
  type BookingDeps,
  type BookTimeInput,
} from "../modules/booking/book-time.command";
export { BookingSetups } from "../modules/booking/booking-setups";
export { lockSlotAndCount } from "../modules/booking/booking.repository";
export { companyDb } from "../modules/tenancy/company-directory";
