import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isQueueError } from "./errors";
import { ALL_TICKET_ACTIONS, allowedActions } from "./ticket-action";
import { transition, type TicketSnapshot, type TransitionContext } from "./ticket-state-machine";
import { FINAL_STATUSES, isFinalStatus, type TicketStatus } from "./ticket-status";

const T0 = new Date("2024-12-19T04:00:00Z");
const actionArb = fc.constantFrom(...ALL_TICKET_ACTIONS);

function ticket(status: "BOOKED" | "WAITING"): TicketSnapshot {
  const queuedAt = status === "BOOKED" ? null : T0;
  return {
    status,
    serviceId: "kassa",
    operatorId: null,
    priority: 0,
    queuedAt,
    calledAt: null,
    recallCount: 0,
  };
}

describe("ticket lifecycle", () => {
  it("ends every issued ticket, transfers included, in exactly one final state", () => {
    const stepArb = fc.record({ action: actionArb, seconds: fc.integer({ min: 0, max: 400 }) });
    fc.assert(
      fc.property(fc.boolean(), fc.array(stepArb, { maxLength: 40 }), (booked, steps) => {
        const pool: { ticket: TicketSnapshot; history: TicketStatus[] }[] = [];
        const issue = (t: TicketSnapshot) => pool.push({ ticket: t, history: [t.status] });
        issue(ticket(booked ? "BOOKED" : "WAITING"));
        let now = T0.getTime();
        for (const [i, step] of steps.entries()) {
          now += step.seconds * 1000;
          const entry = pool[i % pool.length];
          if (!entry) continue;
          const ctx: TransitionContext = {
            now: new Date(now),
            graceSeconds: 120,
            transferTo: { serviceId: `svc-${i}` },
          };
          try {
            const result = transition(entry.ticket, step.action, ctx);
            entry.ticket = result.ticket;
            entry.history.push(result.to);
            if (result.transferred) issue(result.transferred);
          } catch (error) {
            if (!isQueueError(error)) throw error;
          }
        }
        const dayEnd = { now: new Date(now + 86_400_000) };
        for (const entry of pool) {
          if (!isFinalStatus(entry.ticket.status)) {
            entry.ticket = transition(entry.ticket, "EXPIRE", dayEnd).ticket;
            entry.history.push(entry.ticket.status);
          }
          expect(FINAL_STATUSES).toContain(entry.ticket.status);
          expect(entry.history.filter(isFinalStatus)).toEqual([entry.ticket.status]);
          expect(allowedActions(entry.ticket.status)).toEqual([]);
        }
      }),
    );
  });
});
