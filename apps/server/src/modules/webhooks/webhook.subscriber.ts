import type { DurableSubscriber } from "../events";
import { webhookEventOf, webhookPayload, type TicketFacts } from "./webhook-events";

/**
 * The webhooks' side of the durable event stream: for each committed queue event an active or
 * paused endpoint of the company subscribed to, one delivery row — written in the subscriber's own
 * transaction, with the cursor, and unique per (endpoint, event), so an event handed over again
 * after a crash is never queued (or sent) twice. The worker sends them after the commit.
 */
export const webhookSubscriber = (onQueued: () => void = () => {}): DurableSubscriber => ({
  name: "webhooks",
  // Companies' systems wait for these as customers wait for their messages.
  prompt: true,
  async handle({ db, company: cdb }, company, events) {
    const endpoints = await db
      .selectFrom("platform.webhook_endpoints")
      .select(["id", "event_types"])
      .where("company_id", "=", company.id)
      // A paused endpoint keeps what happens meanwhile: resuming it sends what waited, in order.
      .where("status", "in", ["ACTIVE", "PAUSED"])
      .execute();
    if (endpoints.length === 0) return;
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
  },
});
