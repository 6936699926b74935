import type { CancelReason, TicketStatus } from "@equeue/contracts";
import { describe, expect, it } from "vitest";
import { bookAgainPath } from "./book-again";

const booking = (status: TicketStatus, reason: CancelReason | null = null) => ({
  status,
  branch: { id: "b-1", slug: "chilonzor", name: { uz: "Chilonzor" } },
  service: { id: "s-1", name: { uz: "Kassa" }, durationMinutes: 5 },
  cancelled: status === "CANCELLED" ? { by: "COMPANY" as const, reason, message: null } : null,
});

describe("booking again after a missed booking", () => {
  it("opens the same branch's booking flow with the same service", () => {
    expect(bookAgainPath("/c/bank", booking("EXPIRED"))).toBe(
      "/c/bank/b/chilonzor/book?service=s-1",
    );
    expect(bookAgainPath("", booking("NO_SHOW"))).toBe("/b/chilonzor/book?service=s-1");
  });

  it("is offered after a cancel too: another time of the same service", () => {
    expect(bookAgainPath("/c/bank", booking("CANCELLED"))).toBe(
      "/c/bank/b/chilonzor/book?service=s-1",
    );
    expect(bookAgainPath("/c/bank", booking("CANCELLED", "HOURS"))).toBe(
      "/c/bank/b/chilonzor/book?service=s-1",
    );
  });

  it("lets the customer choose the service anew when the branch stopped offering theirs", () => {
    expect(bookAgainPath("/c/bank", booking("CANCELLED", "SERVICE"))).toBe(
      "/c/bank/b/chilonzor/book",
    );
  });

  it("is not offered while the booking stands or after it was used", () => {
    for (const status of ["BOOKED", "WAITING", "CALLED", "SERVING", "COMPLETED"] as const)
      expect(bookAgainPath("/c/bank", booking(status))).toBeNull();
  });
});
