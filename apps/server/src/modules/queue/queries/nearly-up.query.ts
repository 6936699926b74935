import { customerWait, TICKET_STATUS } from "@equeue/core";
import { sql } from "kysely";
import type { CompanyQueryDb } from "../queue.types";
import { etaCallsOf, recentCallsOf, type RecentCallsJson } from "../sql/recent-calls.sql";
import { lineOrderKey } from "./tracking.query";

/** A waiting ticket that has come near the counter: its place in line (1 is next). */
export type NearlyUp = { ticketId: string; position: number };

/**
 * The waiting tickets that are "nearly up" in the service lines the given tickets stand (or
 * stood) in: at or above the service's nearly-up place, or — when the service sets minutes —
 * expected to be called within them (only while operators serve the line). ONE statement, the
 * lines found from the tickets in it: each line ranked in core's call order (as the tracking view
 * ranks it), filtered to the places that matter when no minutes are set, with the service's
 * settings and, on the first row only, the line's ETA figures.
 */
export async function nearlyUpTickets(
  db: CompanyQueryDb,
  ticketIds: readonly string[],
  now: Date,
): Promise<NearlyUp[]> {
  if (ticketIds.length === 0) return [];
  const rows = await linesQuery(db, ticketIds, now).execute();
  const byLine = new Map<number, LineRow[]>();
  for (const r of rows) {
    const line = byLine.get(r.line);
    if (line) line.push(r);
    else byLine.set(r.line, [r]);
  }
  const out: NearlyUp[] = [];
  for (const line of byLine.values()) {
    out.push(
      ...nearlyUpOfLine(
        line.sort((a, b) => a.ahead - b.ahead),
        now,
      ),
    );
  }
  return out;
}

/**
 * Every line's ranked head (see `nearlyUpTickets`), its rows tagged `line` (a number per
 * line). The lines are those of the tickets named, each ranked in a lateral subquery, so the
 * statement is the same size for one line or twenty: a UNION ALL of one query per line took
 * PostgreSQL 10–20 ms to plan for a run's handful of lines.
 */
function linesQuery(db: CompanyQueryDb, ticketIds: readonly string[], now: Date) {
  const ln = db
    .selectFrom((eb) =>
      eb
        .selectFrom("tickets")
        .select(["branch_id", "service_id"])
        .distinct()
        .where("id", "=", sql<string>`any(${ticketIds as string[]}::uuid[])`)
        .as("d"),
    )
    .select(["d.branch_id", "d.service_id", sql<number>`(row_number() over ())::int`.as("line")])
    .as("ln");
  return (
    db
      .selectFrom(ln)
      .innerJoin("services as s", "s.id", "ln.service_id")
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom("tickets as w")
            .select([
              "w.id",
              sql<number>`(row_number() over (order by ${lineOrderKey("w", now)}) - 1)::int`.as(
                "ahead",
              ),
            ])
            .whereRef("w.branch_id", "=", "ln.branch_id")
            .whereRef("w.service_id", "=", "ln.service_id")
            .where("w.status", "=", TICKET_STATUS.WAITING)
            .as("r"),
        (join) => join.onTrue(),
      )
      .select([
        "r.id",
        "r.ahead",
        "s.nearly_up_position",
        "s.nearly_up_minutes",
        "s.duration_minutes",
        "ln.line",
      ])
      // The line's ETA figures, computed once and carried on the head of the line only.
      .innerJoinLateral(
        (eb) =>
          db
            .selectNoFrom([
              eb
                .selectFrom("operator_status as o")
                .innerJoin("staff_services as ss", "ss.staff_id", "o.staff_id")
                .select(sql<number>`count(*)::int`.as("n"))
                .whereRef("o.branch_id", "=", "ln.branch_id")
                .where("o.status", "=", "AVAILABLE")
                .whereRef("ss.service_id", "=", "ln.service_id")
                .as("serving"),
              eb
                .selectFrom("service_stats as st")
                .select("st.smoothed_service_seconds")
                .whereRef("st.branch_id", "=", "ln.branch_id")
                .whereRef("st.service_id", "=", "ln.service_id")
                .as("smoothed"),
              recentCallsOf(db, eb.ref("ln.branch_id"), eb.ref("ln.service_id"), now),
            ])
            .as("l"),
        (join) => join.onTrue(),
      )
      .select([
        sql<number | null>`case when r.ahead = 0 then l.serving end`.as("serving"),
        sql<number | null>`case when r.ahead = 0 then l.smoothed end`.as("smoothed"),
        sql<RecentCallsJson | null>`case when r.ahead = 0 then l.recent_calls end`.as(
          "recent_calls",
        ),
      ])
      .where((eb) =>
        eb.or([
          eb("r.ahead", "<", eb.ref("s.nearly_up_position")),
          eb("s.nearly_up_minutes", ">", 0),
        ]),
      )
  );
}

type LineRow = Awaited<ReturnType<ReturnType<typeof linesQuery>["execute"]>>[number];

/** Which of a line's rows (ranked, head first) are nearly up. */
function nearlyUpOfLine(rows: LineRow[], now: Date): NearlyUp[] {
  const head = rows[0];
  if (!head) return [];
  const threshold = head.nearly_up_position;
  const minutes = head.nearly_up_minutes;
  const calls = etaCallsOf(head.recent_calls);
  const out: NearlyUp[] = [];
  for (const r of rows) {
    const byPlace = r.ahead < threshold;
    let byWait = false;
    if (minutes > 0) {
      const e = customerWait({
        now,
        peopleAhead: r.ahead,
        operatorsServing: head.serving ?? 0,
        smoothedServiceSeconds: head.smoothed ?? null,
        expectedServiceSeconds: head.duration_minutes * 60,
        recentCalls: calls,
      });
      // The estimate counts only while operators are serving the line (else it means nothing).
      byWait = !e.noOperators && e.minutes <= minutes;
    }
    if (byPlace || byWait) out.push({ ticketId: r.id, position: r.ahead + 1 });
  }
  return out;
}
