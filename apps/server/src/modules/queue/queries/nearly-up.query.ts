import { customerWait, TICKET_STATUS } from "@equeue/core";
import { sql } from "kysely";
import type { CompanyQueryDb } from "../queue.types";
import { etaCallsOf, recentCallsOf, type RecentCallsJson } from "../sql/recent-calls.sql";
import { lineOrderKey } from "./tracking.query";

/** A waiting ticket that has come near the counter: its place in line (1 is next). */
export type NearlyUp = { ticketId: string; position: number };

/**
 * The waiting tickets of the given service lines that are "nearly up": at or above the service's
 * nearly-up place, or — when the service sets minutes — expected to be called within them
 * (only while operators serve the line). ONE statement: each line ranked in core's call order
 * (as the tracking view ranks it), filtered to the places that matter when no minutes are set,
 * with the service's settings and, on the first row only, the line's ETA figures.
 */
export async function nearlyUpTickets(
  db: CompanyQueryDb,
  lines: readonly Line[],
  now: Date,
): Promise<NearlyUp[]> {
  if (lines.length === 0) return [];
  // One statement for every line: their queries joined by UNION ALL, each row tagged with its
  // line (a notifications run after a batch of calls had one round trip per moved line).
  const [first, ...rest] = lines.map((line, i) => lineQuery(db, line, i, now));
  let all = first!;
  for (const q of rest) all = all.unionAll(q);
  const rows = await all.execute();
  const out: NearlyUp[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = rows.filter((r) => r.line === i).sort((a, b) => a.ahead - b.ahead);
    out.push(...nearlyUpOfLine(line, now));
  }
  return out;
}

type Line = { branchId: string; serviceId: string };

/** One line's ranked head (see `nearlyUpTickets`), its rows tagged `line`. */
function lineQuery(db: CompanyQueryDb, line: Line, index: number, now: Date) {
  return (
    db
      .selectFrom("services as s")
      .innerJoin(
        (eb) =>
          eb
            .selectFrom("tickets as w")
            .select([
              "w.id",
              sql<number>`(row_number() over (order by ${lineOrderKey("w", now)}) - 1)::int`.as(
                "ahead",
              ),
            ])
            .where("w.branch_id", "=", line.branchId)
            .where("w.service_id", "=", line.serviceId)
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
      ])
      // The line's ETA figures, computed once and carried on the head of the line only.
      .innerJoin(
        (eb) =>
          db
            .selectNoFrom([
              eb
                .selectFrom("operator_status as o")
                .innerJoin("staff_services as ss", "ss.staff_id", "o.staff_id")
                .select(sql<number>`count(*)::int`.as("n"))
                .where("o.branch_id", "=", line.branchId)
                .where("o.status", "=", "AVAILABLE")
                .where("ss.service_id", "=", line.serviceId)
                .as("serving"),
              eb
                .selectFrom("service_stats as st")
                .select("st.smoothed_service_seconds")
                .where("st.branch_id", "=", line.branchId)
                .where("st.service_id", "=", line.serviceId)
                .as("smoothed"),
              recentCallsOf(db, line.branchId, line.serviceId, now),
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
      .where("s.id", "=", line.serviceId)
      .where((eb) =>
        eb.or([
          eb("r.ahead", "<", eb.ref("s.nearly_up_position")),
          eb("s.nearly_up_minutes", ">", 0),
        ]),
      )
      .select(sql<number>`${index}::int`.as("line"))
  );
}

type LineRow = Awaited<ReturnType<ReturnType<typeof lineQuery>["execute"]>>[number];

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
