import { TICKET_STATUS, type TicketSource, type TicketStatus } from "@equeue/core";
import type { Db } from "../../db/database";
import type { I18nText } from "../../db/tables";
import type { CompanyRecord } from "../tenancy";
import { companyDb } from "../tenancy";
import type { MyTicketDto } from "./customer.schema";

const ACTIVE: readonly TicketStatus[] = [
  TICKET_STATUS.WAITING,
  TICKET_STATUS.CALLED,
  TICKET_STATUS.SERVING,
];
/** What the customer may cancel from the list (what the holder's cancel accepts). */
export const CANCELLABLE: readonly TicketStatus[] = [TICKET_STATUS.BOOKED, TICKET_STATUS.WAITING];
/** How much history the list shows. */
export const HISTORY_LIMIT = 50;

type IndexRow = {
  ticket_id: string;
  company_id: string;
  branch_id: string;
  service_id: string;
  label: string;
  status: TicketStatus;
  source: TicketSource;
  token: string;
  appointment_at: Date | null;
  created_at: Date;
  updated_at: Date;
  company_name: string;
  company_slug: string;
  schema_name: string;
};

/** The customer's tickets in `platform.ticket_index` (the phone is the key), newest first. */
function ticketsOfPhone(db: Db, phone: string) {
  return db
    .selectFrom("platform.ticket_index as t")
    .innerJoin("platform.companies as c", "c.id", "t.company_id")
    .select([
      "t.ticket_id",
      "t.company_id",
      "t.branch_id",
      "t.service_id",
      "t.label",
      "t.status",
      "t.source",
      "t.token",
      "t.appointment_at",
      "t.created_at",
      "t.updated_at",
      "c.name as company_name",
      "c.slug as company_slug",
      "c.schema_name",
    ])
    .where("t.customer_phone", "=", phone)
    .where("c.status", "!=", "DELETED")
    .orderBy("t.created_at", "desc");
}

/**
 * Branch and service names of the listed tickets: one query per company the customer has
 * tickets with (never every company), for only the ids listed.
 */
async function namesOf(db: Db, rows: IndexRow[]) {
  const names = new Map<string, I18nText>();
  const zones = new Map<string, string>();
  const byCompany = new Map<string, IndexRow[]>();
  for (const r of rows) byCompany.set(r.schema_name, [...(byCompany.get(r.schema_name) ?? []), r]);
  await Promise.all(
    [...byCompany].map(async ([schema_name, list]) => {
      const q = companyDb(db, { schema_name } as Pick<CompanyRecord, "schema_name">);
      const [branches, services] = await Promise.all([
        q
          .selectFrom("branches")
          .select(["id", "name", "time_zone"])
          .where("id", "in", [...new Set(list.map((r) => r.branch_id))])
          .execute(),
        q
          .selectFrom("services")
          .select(["id", "name"])
          .where("id", "in", [...new Set(list.map((r) => r.service_id))])
          .execute(),
      ]);
      for (const b of [...branches, ...services]) names.set(b.id, b.name);
      for (const b of branches) zones.set(b.id, b.time_zone);
    }),
  );
  return { names, zones };
}

/** "My tickets": now in a line, booked, and the history, across every company. */
export async function myTickets(db: Db, phone: string) {
  const [current, history] = await Promise.all([
    ticketsOfPhone(db, phone)
      .where("t.status", "in", [...ACTIVE, TICKET_STATUS.BOOKED])
      .execute(),
    ticketsOfPhone(db, phone)
      .where("t.status", "not in", [...ACTIVE, TICKET_STATUS.BOOKED])
      .limit(HISTORY_LIMIT)
      .execute(),
  ]);
  const totalRow = await db
    .selectFrom("platform.ticket_index as t")
    .innerJoin("platform.companies as c", "c.id", "t.company_id")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("t.customer_phone", "=", phone)
    .where("c.status", "!=", "DELETED")
    .where("t.status", "not in", [...ACTIVE, TICKET_STATUS.BOOKED])
    .executeTakeFirstOrThrow();
  const { names, zones } = await namesOf(db, [...current, ...history]);
  const toDto = (r: IndexRow): MyTicketDto => ({
    id: r.ticket_id,
    label: r.label,
    status: r.status,
    source: r.source,
    token: r.token,
    trackPath: `/c/${r.company_slug}/t/${r.token}`,
    company: { name: r.company_name, slug: r.company_slug },
    branchName: names.get(r.branch_id) ?? null,
    serviceName: names.get(r.service_id) ?? null,
    timeZone: zones.get(r.branch_id) ?? null,
    appointmentAt: r.appointment_at,
    issuedAt: r.created_at,
    updatedAt: r.updated_at,
    canCancel: CANCELLABLE.includes(r.status),
  });
  const active = current.filter((r) => ACTIVE.includes(r.status)).map(toDto);
  // Booked times soonest first.
  const booked = current
    .filter((r) => r.status === TICKET_STATUS.BOOKED)
    .sort((a, b) => (a.appointment_at?.getTime() ?? 0) - (b.appointment_at?.getTime() ?? 0))
    .map(toDto);
  return {
    active,
    booked,
    history: history.map(toDto),
    totals: { active: active.length, booked: booked.length, history: Number(totalRow.n) },
  };
}

/** The customer's own ticket by id (its phone must be theirs), or undefined. */
export function findMyTicket(db: Db, phone: string, ticketId: string) {
  return ticketsOfPhone(db, phone).where("t.ticket_id", "=", ticketId).executeTakeFirst();
}
