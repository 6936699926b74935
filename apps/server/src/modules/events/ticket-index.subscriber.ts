import { sql } from "kysely";
import { normalizePhone } from "../../shared/phone";
import type { DurableSubscriber } from "./events.types";

/** Told, after the index commits, which phones' tickets changed (phone → ticket ids). */
export type CustomerTicketsNotifier = (changes: ReadonlyMap<string, string[]>) => void;

/**
 * Keeps `platform.ticket_index` — every company's tickets in one table, for the portal's
 * "my tickets" and the bare tracking link — at each ticket's latest state. Idempotent: it
 * copies the ticket row as it is now (one read for the whole batch), and a replayed or older
 * batch never overwrites a newer entry. Phones are kept in E.164, so a customer finds the
 * tickets reception or a kiosk took with their number, however it was typed.
 */
export const indexTickets = (notify?: CustomerTicketsNotifier): DurableSubscriber => ({
  name: "ticket-index",
  async handle(tx, company, events) {
    const lastEvent = new Map<string, number>();
    for (const e of events)
      lastEvent.set(e.ticketId, Math.max(e.id, lastEvent.get(e.ticketId) ?? 0));
    const tickets = await tx.company
      .selectFrom("tickets")
      .select([
        "id",
        "branch_id",
        "service_id",
        "label",
        "status",
        "source",
        "customer_phone",
        "appointment_at",
        "token",
        "created_at",
        "updated_at",
      ])
      .where("id", "in", [...lastEvent.keys()])
      .execute();
    if (tickets.length === 0) return;
    const changed = new Map<string, string[]>();
    const rows = tickets.map((t) => {
      // E.164, as a signed-in customer's phone is: reception may type it any way.
      const phone = t.customer_phone
        ? (normalizePhone(t.customer_phone) ?? t.customer_phone)
        : null;
      if (phone) changed.set(phone, [...(changed.get(phone) ?? []), t.id]);
      return { ...t, customer_phone: phone };
    });
    await tx.db
      .insertInto("platform.ticket_index")
      .values(
        rows.map((t) => ({
          company_id: company.id,
          ticket_id: t.id,
          branch_id: t.branch_id,
          service_id: t.service_id,
          label: t.label,
          status: t.status,
          source: t.source,
          customer_phone: t.customer_phone,
          appointment_at: t.appointment_at,
          token: t.token,
          created_at: t.created_at,
          updated_at: t.updated_at,
          last_event_id: lastEvent.get(t.id)!,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(["company_id", "ticket_id"])
          .doUpdateSet((eb) => ({
            status: eb.ref("excluded.status"),
            service_id: eb.ref("excluded.service_id"),
            label: eb.ref("excluded.label"),
            customer_phone: eb.ref("excluded.customer_phone"),
            appointment_at: eb.ref("excluded.appointment_at"),
            updated_at: eb.ref("excluded.updated_at"),
            last_event_id: eb.ref("excluded.last_event_id"),
          }))
          .where(sql<boolean>`platform.ticket_index.last_event_id <= excluded.last_event_id`),
      )
      .execute();
    // The customers' "my tickets" pages read the index: tell them once it has committed.
    if (notify && changed.size > 0) return () => notify(changed);
  },
});

/** The index without pushes (tools and tests that run no realtime gateway). */
export const ticketIndexSubscriber: DurableSubscriber = indexTickets();
