import { BookingPanel } from "../../../features/booking/components/booking-panel";
import { loadMessages } from "../../../lib/i18n";
import { bookingMessages } from "../../../lib/i18n/bundles/booking";

/** The booking part of a ticket's page, loaded only for booked tickets (with its texts). */
export const bookingSectionReady = loadMessages(bookingMessages);

export default function BookingSection(props: {
  slug: string;
  token: string;
  ticketStatus: string;
}) {
  return <BookingPanel {...props} />;
}
