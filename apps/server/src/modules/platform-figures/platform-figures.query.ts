import { sql } from "kysely";
import type { Db } from "../../db/database";
import { quoteIdent } from "../../db/migrator";

const STATUSES = ["INACTIVE", "ACTIVE", "SUSPENDED", "DELETED"] as const;
/** Companies read at once for the tickets per day (each by its own statement). */
const PARALLEL = 4;

type CompanyDay = { day: string; tickets: number; served: number };
type Kind = "DISPLAY" | "KIOSK";

/** One company's part, in one statement on its own schema (ADR 0005: no cross-schema reads). */
async function companyPart(db: Db, schema: string, from: string) {
  const s = quoteIdent(schema);
  const { rows } = await sql<{ days: CompanyDay[]; devices: { kind: Kind; n: number }[] }>`select
    (select coalesce(json_agg(x), '[]'::json) from (
      select to_char(d.day, 'YYYY-MM-DD') as day, sum(d.issued + d.booked)::int as tickets,
        sum(d.served)::int as served
      from ${sql.raw(s)}.report_days d where d.day >= ${from}::date group by d.day) x) as days,
    (select coalesce(json_agg(x), '[]'::json) from (
      select kind, count(*)::int as n from ${sql.raw(s)}.devices
      where revoked_at is null and paired_at is not null group by kind) x) as devices`.execute(db);
  return rows[0]!;
}

/**
 * The Super Admin's platform figures: companies by status; tickets per day (taken: issued into
 * the line or booked; and served) over the last `days` days, summed from each company's day
 * roll-ups, one company schema per statement; paired devices and those with a socket open now;
 * the outbox per channel (pending, failed, the oldest pending message's age).
 */
export async function platformFigures(
  db: Db,
  online: () => Promise<{ kind: string }[]>,
  days: number,
  now = new Date(),
) {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);
  const from = dayOf(today.getTime() - (days - 1) * 86_400_000);
  const [statuses, companies, outbox, connected] = await Promise.all([
    db
      .selectFrom("platform.companies")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("status")
      .execute(),
    db
      .selectFrom("platform.companies")
      .select(["id", "slug", "schema_name"])
      .where("status", "<>", "DELETED")
      .orderBy("created_at")
      .execute(),
    sql<{ channel: string; pending: number; failed: number; oldest: number | null }>`
      select channel, count(*) filter (where status = 'PENDING')::int as pending,
        count(*) filter (where status = 'FAILED')::int as failed,
        extract(epoch from ${now}::timestamptz - min(created_at) filter (where status = 'PENDING'))::float8 as oldest
      from platform.outbox where status in ('PENDING', 'FAILED') group by channel
      order by channel`.execute(db),
    online(),
  ]);

  const perDay = new Map<string, CompanyDay>();
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= today.getTime(); t += 86_400_000) {
    perDay.set(dayOf(t), { day: dayOf(t), tickets: 0, served: 0 });
  }
  const paired: Record<Kind, number> = { DISPLAY: 0, KIOSK: 0 };
  const unread: { companyId: string; slug: string }[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < companies.length) {
        const c = companies[next++]!;
        try {
          const part = await companyPart(db, c.schema_name, from);
          for (const d of part.days) {
            // A branch east of UTC may already be on tomorrow's local day.
            const into = perDay.get(d.day) ?? { day: d.day, tickets: 0, served: 0 };
            into.tickets += d.tickets;
            into.served += d.served;
            perDay.set(d.day, into);
          }
          for (const d of part.devices) paired[d.kind] = (paired[d.kind] ?? 0) + d.n;
        } catch {
          // A schema whose migration failed: left out and named, the others still count.
          unread.push({ companyId: c.id, slug: c.slug });
        }
      }
    }),
  );
  const onlineKinds: Record<Kind, number> = { DISPLAY: 0, KIOSK: 0 };
  for (const d of connected) {
    if (d.kind === "display") onlineKinds.DISPLAY++;
    else if (d.kind === "kiosk") onlineKinds.KIOSK++;
  }
  const byStatus = Object.fromEntries(
    STATUSES.map((st) => [st, Number(statuses.find((r) => r.status === st)?.n ?? 0)]),
  ) as Record<(typeof STATUSES)[number], number>;
  return {
    at: now,
    companies: { byStatus, total: Object.values(byStatus).reduce((a, b) => a + b, 0) },
    tickets: {
      from,
      days: [...perDay.values()].sort((a, b) => a.day.localeCompare(b.day)),
      unreadCompanies: unread,
    },
    devices: { paired, online: onlineKinds },
    outbox: outbox.rows.map((r) => ({
      channel: r.channel,
      pending: r.pending,
      failed: r.failed,
      oldestPendingSeconds: r.oldest === null ? null : Math.max(0, Math.round(r.oldest)),
    })),
  };
}

export type PlatformFigures = Awaited<ReturnType<typeof platformFigures>>;
