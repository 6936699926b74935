import type { Db } from "../../db/database";
import { notFound } from "../../shared/app-error";
import { assertNotSuspended } from "../tenancy";

/**
 * The ticket a link's token names, from the platform's ticket index, for the routes that follow
 * a ticket without its company in the address (web push, channels, Telegram). Its company must
 * be servable as on every company path: a deleted company's ticket is not found, a suspended
 * one's refused. `lock` holds the index row to the caller's transaction (one change at a time
 * per ticket, e.g. counting its browsers before adding one).
 */
export async function ticketByToken(db: Db, token: string, opts: { lock?: boolean } = {}) {
  const row = await db
    .selectFrom("platform.ticket_index as t")
    .innerJoin("platform.companies as c", "c.id", "t.company_id")
    .select([
      "t.company_id",
      "t.ticket_id",
      "t.status",
      "t.customer_phone",
      "c.status as company_status",
    ])
    .where("t.token", "=", token)
    .$if(opts.lock === true, (qb) => qb.forUpdate("t"))
    .executeTakeFirst();
  if (!row || row.company_status === "DELETED") throw notFound("This ticket");
  assertNotSuspended(row.company_status);
  return row;
}
