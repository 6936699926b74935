import { staffingPlan } from "@equeue/core";
import { sql } from "kysely";
import type { Db } from "../../db/database";
import { notFound } from "../../shared/app-error";
import type { CompanyRecord } from "../tenancy";

/** Staffing advice's filter: one branch and one service over local dates (inclusive). */
export type StaffingFilter = {
  from: string;
  to: string;
  branchId: string;
  serviceId: string;
  /** ISO weekday 1 (Monday) – 7 to average only those days; all days when absent. */
  weekday?: number | undefined;
  /** The share of waits within the target to plan for (default 0.8). */
  goal?: number | undefined;
  /** The target wait in seconds; the service's own when absent, else 5 minutes. */
  targetSeconds?: number | undefined;
};

const DEFAULT_GOAL = 0.8;
const DEFAULT_TARGET_SECONDS = 300;
/** An interval's own mean service time is used from this many measured services on. */
const MIN_SAMPLES = 10;

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The days from `from` to `to` (inclusive) on `weekday` (ISO), or all of them. */
export function countDays(from: string, to: string, weekday?: number): number {
  const first = Date.parse(`${from}T00:00:00Z`);
  const last = Date.parse(`${to}T00:00:00Z`);
  let n = 0;
  for (let t = first; t <= last; t += 86_400_000) {
    const iso = ((new Date(t).getUTCDay() + 6) % 7) + 1;
    if (weekday === undefined || iso === weekday) n++;
  }
  return n;
}

/**
 * Operators needed per 15-minute interval of a typical day (docs/reports.md, staffing): the
 * arrivals (people entering the line) of each local interval averaged over the range's days
 * (or its days of one weekday), the measured mean service time (the interval's own with enough
 * samples, else the range's), and Erlang C for the target wait and goal.
 */
export async function staffingAdvice(db: Db, company: CompanyRecord, f: StaffingFilter) {
  const s = company.schema_name;
  const service = await sql<{ target: number | null }>`select sv.target_wait_minutes as target
    from ${sql.id(s, "services")} sv where sv.id = ${f.serviceId}`.execute(db);
  if (service.rows.length === 0) throw notFound("The service");
  const branch = await sql<{ id: string }>`select id from ${sql.id(s, "branches")}
    where id = ${f.branchId}`.execute(db);
  if (branch.rows.length === 0) throw notFound("The branch");
  const local = sql`(r.bucket at time zone b.time_zone)`;
  const { rows } = await sql<{
    slot: string;
    arrivals: number;
    service_count: number;
    service_sum: number;
  }>`select to_char(${local}, 'HH24:MI') as slot,
      sum(r.issued + r.checked_in)::int as arrivals,
      sum(r.service_count)::int as service_count, sum(r.service_sum)::float8 as service_sum
    from ${sql.id(s, "branches")} b join ${sql.id(s, "report_rollups")} r on r.branch_id = b.id
      and r.bucket >= (${f.from}::date::timestamp at time zone b.time_zone)
      and r.bucket < ((${f.to}::date + 1)::timestamp at time zone b.time_zone)
    where b.id = ${f.branchId} and r.service_id = ${f.serviceId}
      ${f.weekday ? sql`and extract(isodow from ${local}) = ${f.weekday}` : sql``}
    group by 1 order by 1`.execute(db);

  const days = countDays(f.from, f.to, f.weekday);
  const goal = f.goal ?? DEFAULT_GOAL;
  const own = service.rows[0]!.target;
  const targetSeconds = f.targetSeconds ?? (own ? own * 60 : DEFAULT_TARGET_SECONDS);
  const targetFrom: "request" | "service" | "default" = f.targetSeconds
    ? "request"
    : own
      ? "service"
      : "default";
  const count = rows.reduce((a, r) => a + r.service_count, 0);
  const serviceSum = rows.reduce((a, r) => a + r.service_sum, 0);
  // Service times of zero (a start and finish at the same instant) measure nothing.
  const handleSeconds = count > 0 && serviceSum > 0 ? serviceSum / count : null;

  // The typical day's intervals from the first to the last with arrivals.
  const withArrivals = rows.filter((r) => r.arrivals > 0);
  const slotOf = (t: string) => Number(t.slice(0, 2)) * 4 + Number(t.slice(3)) / 15;
  const bySlot = new Map(rows.map((r) => [slotOf(r.slot), r]));
  const slots =
    withArrivals.length === 0 || handleSeconds === null || days === 0
      ? []
      : Array.from(
          { length: slotOf(withArrivals.at(-1)!.slot) - slotOf(withArrivals[0]!.slot) + 1 },
          (_, i) => slotOf(withArrivals[0]!.slot) + i,
        );
  const intervals = slots.map((slot) => {
    const r = bySlot.get(slot);
    return {
      start: `${String(Math.floor(slot / 4)).padStart(2, "0")}:${String((slot % 4) * 15).padStart(2, "0")}`,
      arrivals: (r?.arrivals ?? 0) / days,
      handleSeconds:
        r && r.service_count >= MIN_SAMPLES && r.service_sum > 0
          ? r.service_sum / r.service_count
          : handleSeconds!,
    };
  });
  const plan = staffingPlan(
    intervals.map((i) => ({ arrivals: i.arrivals, handleSeconds: i.handleSeconds })),
    { targetSeconds, serviceLevel: goal },
  );
  return {
    branchId: f.branchId,
    serviceId: f.serviceId,
    days,
    weekday: f.weekday ?? null,
    goal,
    targetSeconds,
    targetFrom,
    handleSeconds: handleSeconds === null ? null : round2(handleSeconds),
    intervals: intervals.map((i, k) => ({
      start: i.start,
      arrivals: round2(i.arrivals),
      handleSeconds: round2(i.handleSeconds),
      traffic: round2(plan[k]!.traffic),
      agents: plan[k]!.agents,
      serviceLevel: Math.round(plan[k]!.serviceLevel * 1000) / 1000,
      averageWaitSeconds: round2(plan[k]!.averageWaitSeconds),
    })),
    peakAgents: plan.reduce((a, x) => Math.max(a, x.agents), 0),
  };
}

export type StaffingAdvice = Awaited<ReturnType<typeof staffingAdvice>>;
