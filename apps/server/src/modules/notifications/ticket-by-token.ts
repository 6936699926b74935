import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "../../db/database";
import { notFound } from "../../shared/app-error";
import { assertNotSuspended } from "../tenancy";

/**
 * The pauses before a token missing from the index is looked up again. The index is written by
 * an event subscriber a moment after the ticket (~20–50 ms, longer under load), so a client that
 * asks at once — the ticket page following its ticket as soon as it is issued — is answered
 * when the row lands, not with a 404; a token that is not there after ~1.7 s is unknown.
 */
export const INDEX_LAG_PAUSES_MS = [50, 150, 300, 500, 700] as const;

/** `find()`, asked again after each of INDEX_LAG_PAUSES_MS while it finds nothing. */
export async function awaitIndexed<T>(find: () => Promise<T | undefined>): Promise<T | undefined> {
  let found = await find();
  for (const pause of INDEX_LAG_PAUSES_MS) {
    if (found !== undefined) break;
    await sleep(pause);
    found = await find();
  }
  return found;
}

/**
 * The ticket a link's token names, from the platform's ticket index, for the routes that follow
 * a ticket without its company in the address (web push, channels, Telegram). Its company must
 * be servable as on every company path: a deleted company's ticket is not found, a suspended
 * one's refused. A token not yet indexed is waited for (awaitIndexed). `lock` holds the index
 * row to the caller's transaction (one change at a time per ticket, e.g. counting its browsers
 * before adding one); it does not wait — the caller looks the ticket up first.
 */
export async function ticketByToken(db: Db, token: string, opts: { lock?: boolean } = {}) {
  const find = () =>
    db
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
  const row = opts.lock ? await find() : await awaitIndexed(find);
  if (!row || row.company_status === "DELETED") throw notFound("This ticket");
  assertNotSuspended(row.company_status);
  return row;
}
