import type { DomainEvent, DurableSubscriber, EventCompany } from "../events";
import { webhookEventOf, webhookPayload, type TicketFacts } from "./webhook-events";

/**
 * Companies whose last webhook run on this node found no endpoint, and when (ms): their runs
 * are idle. Saving an endpoint here forgets the company (`webhooksWanted`); another node's
 * runs see it at their next run.
 */
const without = new Map<string, number>();

/** A company now has (or may have) an active endpoint: its webhook runs are prompt again. */
export const webhooksWanted = (companyId: string): void => void without.delete(companyId);

/**
 * The webhooks' side of the durable event stream: for each committed queue event an active or
 * paused endpoint of the company subscribed to, one delivery row — written in the subscriber's own
 * transaction, with the cursor, and unique per (endpoint, event), so an event handed over again
 * after a crash is never queued (or sent) twice. The worker sends them after the commit.
 */
export const webhookSubscriber = (onQueued: () => void = () => {}): DurableSubscriber => {
  return {
    name: "webhooks",
    // Companies' systems wait for these as customers wait for their messages.
    prompt: true,
    // Most companies have no endpoint: their runs only move the cursor on, out of the prompt
    // lane. A new endpoint ends that at once on the node that saved it, on others at their
    // next run (a second or so), or after a minute without one.
    idle: (company) => Date.now() - (without.get(company.id) ?? -Infinity) < IDLE_HINT_MS,
    handle: (tx, company, events) => queueDeliveries(tx, company, events, onQueued),
  };
};

const IDLE_HINT_MS = 60_000;

async function queueDeliveries(
  { db, company: cdb }: Parameters<DurableSubscriber["handle"]>[0],
  company: EventCompany,
  events: DomainEvent[],
  onQueued: () => void,
): Promise<void | (() => void)> {
  const endpoints = await db
    .selectFrom("platform.webhook_endpoints")
    .select(["id", "event_types"])
    .where("company_id", "=", company.id)
    // A paused endpoint keeps what happens meanwhile: resuming it sends what waited, in order.
    .where("status", "in", ["ACTIVE", "PAUSED"])
    .execute();
  if (endpoints.length === 0) {
    without.set(company.id, Date.now());
    return;
  }
  without.delete(company.id);
  const typed = events
    .map((e) => ({ e, type: webhookEventOf(e) }))
    .filter((x) => x.type !== null && endpoints.some((p) => p.event_types.includes(x.type!)));
  if (typed.length === 0) return;
  const ticketIds = [...new Set(typed.map((x) => x.e.ticketId))];
  const tickets: TicketFacts[] = await cdb
    .selectFrom("tickets")
    .select(["id", "label", "branch_id", "service_id", "source", "status", "appointment_at"])
    .where("id", "in", ticketIds)
    .execute();
  const byId = new Map(tickets.map((t) => [t.id, t]));
  const rows = typed.flatMap(({ e, type }) =>
    endpoints
      .filter((p) => p.event_types.includes(type!))
      .map((p) => ({
        endpoint_id: p.id,
        company_id: company.id,
        event_id: e.id,
        event_type: type!,
        ticket_id: e.ticketId,
        payload: JSON.stringify(webhookPayload(company.id, type!, e, byId.get(e.ticketId))),
      })),
  );
  await db
    .insertInto("platform.webhook_deliveries")
    .values(rows)
    .onConflict((oc) => oc.columns(["endpoint_id", "event_id"]).doNothing())
    .execute();
  return onQueued;
}
