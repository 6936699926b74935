import { TICKET_STATUS } from "@equeue/core";
import { sql } from "kysely";
import type { Db } from "../../db/database";
import { AppError, notFound } from "../../shared/app-error";
import { TICKET_EVENT } from "../queue";
import { companyDb, type CompanyRecord } from "../tenancy";

/** An average to one decimal, as people read stars. */
export const averageOf = (ratings: number, starsTotal: number) =>
  ratings > 0 ? Math.round((starsTotal / ratings) * 10) / 10 : null;

/** The holder's rating of their visit, and whether they may still give one. */
export async function ratingOfTicket(db: Db, company: CompanyRecord, ticketId: string) {
  const q = companyDb(db, company);
  const [ticket, rating] = await Promise.all([
    q.selectFrom("tickets").select("status").where("id", "=", ticketId).executeTakeFirst(),
    q
      .selectFrom("ratings")
      .select(["stars", "comment", "created_at"])
      .where("ticket_id", "=", ticketId)
      .executeTakeFirst(),
  ]);
  if (!ticket) throw notFound("The ticket");
  return {
    canRate: ticket.status === TICKET_STATUS.COMPLETED && !rating,
    rating: rating
      ? { stars: rating.stars, comment: rating.comment, createdAt: rating.created_at }
      : null,
  };
}

/**
 * Stores the holder's rating of a finished visit, once per ticket (the ticket is the key, so a
 * second try — even a concurrent one — is refused), adds it to the company's totals and writes
 * it to the ticket's event log in the same transaction — the durable event stream tells the
 * webhooks (`rating.received`) once it has committed.
 */
export async function rateTicket(
  db: Db,
  company: CompanyRecord,
  ticketId: string,
  input: { stars: number; comment: string | null },
) {
  return db.transaction().execute(async (tx) => {
    const q = companyDb(tx, company);
    const ticket = await q
      .selectFrom("tickets")
      .select(["id", "status", "branch_id", "service_id"])
      .where("id", "=", ticketId)
      .executeTakeFirst();
    if (!ticket) throw notFound("The ticket");
    if (ticket.status !== TICKET_STATUS.COMPLETED) {
      throw new AppError("INVALID_STATE", "Only a finished visit can be rated.");
    }
    const row = await q
      .insertInto("ratings")
      .values({
        ticket_id: ticket.id,
        branch_id: ticket.branch_id,
        service_id: ticket.service_id,
        stars: input.stars,
        comment: input.comment,
      })
      .onConflict((oc) => oc.column("ticket_id").doNothing())
      .returning(["stars", "comment", "created_at"])
      .executeTakeFirst();
    if (!row) throw new AppError("ALREADY_RATED", "This visit has already been rated.");
    await q
      .insertInto("ticket_events")
      .values({
        ticket_id: ticket.id,
        at: row.created_at,
        type: TICKET_EVENT.RATE,
        from_status: TICKET_STATUS.COMPLETED,
        to_status: TICKET_STATUS.COMPLETED,
        data: JSON.stringify({ stars: row.stars, comment: row.comment }),
      })
      .execute();
    await tx
      .insertInto("platform.company_ratings")
      .values({ company_id: company.id, ratings: 1, stars_total: input.stars })
      .onConflict((oc) =>
        oc.column("company_id").doUpdateSet({
          ratings: sql`platform.company_ratings.ratings + 1`,
          stars_total: sql`platform.company_ratings.stars_total + ${input.stars}`,
        }),
      )
      .execute();
    return { stars: row.stars, comment: row.comment, createdAt: row.created_at };
  });
}

/** The company's ratings for its admins, newest first, with names; `stars` filters. */
export async function listRatings(
  db: Db,
  company: CompanyRecord,
  query: { page: number; pageSize: number; stars?: number | undefined },
) {
  const q = companyDb(db, company);
  const filtered = q
    .selectFrom("ratings as r")
    .$if(query.stars !== undefined, (qb) => qb.where("r.stars", "=", query.stars!));
  const [rows, count, totals] = await Promise.all([
    filtered
      .innerJoin("tickets as t", "t.id", "r.ticket_id")
      .leftJoin("branches as b", "b.id", "r.branch_id")
      .leftJoin("services as s", "s.id", "r.service_id")
      .select([
        "r.stars",
        "r.comment",
        "r.created_at",
        "t.label",
        "b.name as branch_name",
        "s.name as service_name",
      ])
      .orderBy("r.created_at", "desc")
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
    db
      .selectFrom("platform.company_ratings")
      .select(["ratings", "stars_total"])
      .where("company_id", "=", company.id)
      .executeTakeFirst(),
  ]);
  return {
    summary: {
      average: totals ? averageOf(totals.ratings, totals.stars_total) : null,
      count: totals?.ratings ?? 0,
    },
    items: rows.map((r) => ({
      stars: r.stars,
      comment: r.comment,
      createdAt: r.created_at,
      ticketLabel: r.label,
      branchName: r.branch_name,
      serviceName: r.service_name,
    })),
    total: Number(count.n),
    page: query.page,
    pageSize: query.pageSize,
  };
}
