import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { QUEUE_ERROR_CODE, isQueueError } from "./errors";
import { ALL_TICKET_ACTIONS, canTransition } from "./ticket-action";
import { transition, type TicketSnapshot, type TransitionContext } from "./ticket-state-machine";
import { ALL_TICKET_STATUSES, type TicketStatus } from "./ticket-status";

// Written out independently of TRANSITION_RULES so a slip in the table is caught.
const LEGAL: Record<string, TicketStatus> = {
  "BOOKED:CHECK_IN": "WAITING",
  "BOOKED:CANCEL": "CANCELLED",
  "BOOKED:EXPIRE": "EXPIRED",
  "WAITING:CALL": "CALLED",
  "WAITING:CANCEL": "CANCELLED",
  "WAITING:EXPIRE": "EXPIRED",
  "CALLED:RECALL": "CALLED",
  "CALLED:RETURN_TO_QUEUE": "WAITING",
  "CALLED:MARK_NO_SHOW": "NO_SHOW",
  "CALLED:START": "SERVING",
  "CALLED:TRANSFER": "TRANSFERRED",
  "CALLED:CANCEL": "CANCELLED",
  "CALLED:EXPIRE": "EXPIRED",
  "SERVING:FINISH": "COMPLETED",
  "SERVING:TRANSFER": "TRANSFERRED",
  "SERVING:EXPIRE": "EXPIRED",
};

const T0 = new Date("2024-12-19T04:00:00Z"); // 09:00 in Tashkent

function ticket(status: TicketStatus, overrides: Partial<TicketSnapshot> = {}): TicketSnapshot {
  return {
    status,
    serviceId: "kassa",
    operatorId: null,
    priority: 0,
    queuedAt: status === "BOOKED" ? null : T0,
    calledAt: status === "CALLED" || status === "SERVING" ? T0 : null,
    recallCount: 0,
    ...overrides,
  };
}

const permissive = (now: Date): TransitionContext => ({
  now,
  graceSeconds: 0,
  transferTo: { serviceId: "kredit" },
});

const actionArb = fc.constantFrom(...ALL_TICKET_ACTIONS);
const statusArb = fc.constantFrom(...ALL_TICKET_STATUSES);

describe("transition", () => {
  it("agrees with the independent table for every status and action", () => {
    for (const status of ALL_TICKET_STATUSES) {
      for (const action of ALL_TICKET_ACTIONS) {
        const expected = LEGAL[`${status}:${action}`];
        expect(canTransition(status, action)).toBe(expected !== undefined);
        if (expected) expect(transition(ticket(status), action, permissive(T0)).to).toBe(expected);
      }
    }
  });

  it("accepts only legal actions in random sequences and leaves the ticket untouched otherwise", () => {
    fc.assert(
      fc.property(statusArb, fc.array(actionArb, { maxLength: 30 }), (start, actions) => {
        let current = ticket(start);
        for (const [i, action] of actions.entries()) {
          const before = { ...current };
          const frozen = Object.freeze({ ...current });
          const expected = LEGAL[`${current.status}:${action}`];
          const now = new Date(T0.getTime() + (i + 1) * 60_000);
          if (expected === undefined) {
            expect(() => transition(frozen, action, permissive(now))).toThrow(
              expect.objectContaining({ code: QUEUE_ERROR_CODE.ILLEGAL_TRANSITION }),
            );
            expect(frozen).toEqual(before);
          } else {
            const result = transition(frozen, action, permissive(now));
            expect(result.from).toBe(before.status);
            expect(result.ticket.status).toBe(expected);
            expect(frozen).toEqual(before);
            current = result.ticket;
          }
        }
      }),
    );
  });

  it("refuses a no-show before the grace time and allows it exactly at the grace time", () => {
    const called = ticket("CALLED", { calledAt: T0 });
    const at = (s: number) => ({ now: new Date(T0.getTime() + s * 1000), graceSeconds: 120 });
    expect(() => transition(called, "MARK_NO_SHOW", at(119))).toThrow(
      expect.objectContaining({ code: QUEUE_ERROR_CODE.GRACE_NOT_PASSED }),
    );
    expect(transition(called, "MARK_NO_SHOW", at(120)).to).toBe("NO_SHOW");
  });

  it("restarts the grace time on recall and can cap recalls", () => {
    const called = ticket("CALLED", { calledAt: T0 });
    const recalled = transition(called, "RECALL", { now: new Date(T0.getTime() + 100_000) }).ticket;
    expect(recalled.recallCount).toBe(1);
    const later = { now: new Date(T0.getTime() + 150_000), graceSeconds: 120 };
    expect(() => transition(recalled, "MARK_NO_SHOW", later)).toThrow(/still has 70 s/);
    expect(() => transition(recalled, "RECALL", { now: T0, maxRecalls: 1 })).toThrow(
      expect.objectContaining({ code: QUEUE_ERROR_CODE.RECALL_LIMIT_REACHED }),
    );
  });

  it("returns a called customer to their old place in line", () => {
    const queuedAt = new Date(T0.getTime() - 600_000);
    const result = transition(ticket("CALLED", { queuedAt }), "RETURN_TO_QUEUE", { now: T0 });
    expect(result.ticket).toMatchObject({ status: "WAITING", queuedAt, calledAt: null });
  });

  it("describes a transfer as a new waiting ticket that keeps its place at raised priority", () => {
    const queuedAt = new Date(T0.getTime() - 900_000);
    const serving = ticket("SERVING", { queuedAt, priority: 2 });
    const result = transition(serving, "TRANSFER", {
      now: T0,
      transferTo: { serviceId: "kredit" },
    });
    expect(result.to).toBe("TRANSFERRED");
    expect(result.transferred).toEqual({
      status: "WAITING",
      serviceId: "kredit",
      operatorId: null,
      priority: 3,
      queuedAt,
      calledAt: null,
      recallCount: 0,
    });
    const toPerson = transition(serving, "TRANSFER", {
      now: T0,
      transferTo: { operatorId: "op-7" },
    });
    expect(toPerson.transferred).toMatchObject({ serviceId: "kassa", operatorId: "op-7" });
    expect(() => transition(serving, "TRANSFER", { now: T0 })).toThrow(
      expect.objectContaining({ code: QUEUE_ERROR_CODE.INVALID_TRANSFER_TARGET }),
    );
  });

  it("throws only QueueErrors with a message a person can read", () => {
    for (const status of ALL_TICKET_STATUSES) {
      for (const action of ALL_TICKET_ACTIONS) {
        try {
          transition(ticket(status), action, { now: T0 });
        } catch (error) {
          expect(isQueueError(error) && error.message.length > 10).toBe(true);
        }
      }
    }
  });
});
