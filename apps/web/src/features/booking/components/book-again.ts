import type { Booking } from "../api/booking.api";

/** A booking the customer missed: its time passed unused, or they were called and did not come. */
export const isMissed = (status: string) => status === "EXPIRED" || status === "NO_SHOW";

/**
 * Where "book again" leads from a missed or cancelled booking: the booking flow of the same
 * branch with the same service chosen, unless the branch stopped offering it (`base` is the
 * company's path prefix, "" on its own host); null while the booking stands or after it was used.
 */
export function bookAgainPath(
  base: string,
  booking: Pick<Booking, "status" | "branch" | "service" | "cancelled">,
): string | null {
  if (!isMissed(booking.status) && booking.status !== "CANCELLED") return null;
  const path = `${base}/b/${encodeURIComponent(booking.branch.slug)}/book`;
  // A service the branch no longer offers cannot be booked again: the customer chooses anew.
  if (booking.cancelled?.reason === "SERVICE") return path;
  return `${path}?${new URLSearchParams({ service: booking.service.id })}`;
}
