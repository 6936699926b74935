import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  cancelBooking,
  checkInBooking,
  createBooking,
  fetchBooking,
  fetchSlots,
  rescheduleBooking,
  type Booking,
} from "../api/booking.api";

const keys = {
  slots: (slug: string, branch: string, service: string, from: string | null) =>
    ["booking", "slots", slug, branch, service, from] as const,
  booking: (slug: string, token: string) => ["booking", "one", slug, token] as const,
};

/**
 * The times of a service on a week of the branch's days from `from` (null: from its today);
 * refreshed so "places left" stays true.
 */
export function useSlots(
  slug: string,
  q: { branchSlug: string; serviceId: string | null; from: string | null; to: string | null },
) {
  return useQuery({
    queryKey: keys.slots(slug, q.branchSlug, q.serviceId ?? "", q.from),
    queryFn: ({ signal }) => fetchSlots(slug, { ...q, serviceId: q.serviceId! }, signal),
    enabled: q.serviceId !== null,
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
    retry: false,
  });
}

export function useCreateBooking(slug: string) {
  return useMutation({
    mutationFn: (body: Parameters<typeof createBooking>[1]) => createBooking(slug, body),
  });
}

/** A booking by its token; re-read each minute so the check-in button appears on time. */
export function useBooking(slug: string, token: string) {
  return useQuery({
    queryKey: keys.booking(slug, token),
    queryFn: ({ signal }) => fetchBooking(slug, token, signal).then((r) => r.booking),
    refetchInterval: 60_000,
    retry: false,
  });
}

/** Check-in, cancel and reschedule: each answers the booking as it is now. */
export function useBookingActions(slug: string, token: string) {
  const client = useQueryClient();
  const onSuccess = (res: { booking: Booking }) => {
    client.setQueryData(keys.booking(slug, token), res.booking);
    void client.invalidateQueries({ queryKey: ["booking", "slots", slug] });
  };
  return {
    checkIn: useMutation({ mutationFn: () => checkInBooking(slug, token), onSuccess }),
    cancel: useMutation({ mutationFn: () => cancelBooking(slug, token), onSuccess }),
    reschedule: useMutation({
      mutationFn: (startsAt: string) => rescheduleBooking(slug, token, startsAt),
      onSuccess,
    }),
  };
}
