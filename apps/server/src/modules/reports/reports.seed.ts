import { sql } from "kysely";
import type { TestPlatform } from "../../testing";
import {
  createBranchWithService,
  createQueueCompany,
  createQueueOperator,
} from "../../testing/queue-factories";
import { companyDb, type CompanyRecord } from "../tenancy";
import { insertTicketHistory, served } from "./reports.fixtures";

// A hand-computed day, 2026-03-29 (a Sunday), in two time zones: Asia/Tashkent (UTC+5, no DST)
// and Europe/Berlin, which moves to summer time that night (01:00 UTC), so its local day is
// 23 hours long: [2026-03-28T23:00Z, 2026-03-29T22:00Z). Tashkent's is [28T19:00Z, 29T19:00Z).
// The service's target wait is 10 minutes.

/** Sets the target wait of `serviceIds` (for the service level). */
export async function setTargetWait(
  p: TestPlatform,
  company: CompanyRecord,
  serviceIds: string[],
  minutes: number,
) {
  await sql`update ${sql.id(company.schema_name, "services")} set target_wait_minutes = ${minutes}
    where id = any(${serviceIds}::uuid[])`.execute(p.ctx.db);
}

/**
 * A new company of `p` with a branch in Asia/Tashkent and one in Europe/Berlin, one service at
 * both with a 10-minute target, and an operator of that service at each branch.
 */
export async function seedTwoZones(p: TestPlatform) {
  const { company, slug, adminToken } = await createQueueCompany(p);
  const t = await createBranchWithService(p.ctx, company, { timeZone: "Asia/Tashkent" });
  const b = await createBranchWithService(p.ctx, company, { timeZone: "Europe/Berlin" });
  const serviceId = t.services[0]!.id;
  await companyDb(p.ctx.db, company)
    .insertInto("branch_services")
    .values({ branch_id: b.branch.id, service_id: serviceId })
    .execute();
  await setTargetWait(p, company, [serviceId], 10);
  const operatorOf = (branchId: string) =>
    createQueueOperator(p.ctx, company, { branchId, serviceIds: [serviceId] });
  return {
    company,
    slug,
    adminToken,
    tashkent: t.branch.id,
    tashkentCounter: t.counters[0]!.id,
    berlin: b.branch.id,
    serviceId,
    o1: await operatorOf(t.branch.id),
    o2: await operatorOf(b.branch.id),
  };
}

/** Seeds the hand-computed day into a new company of `p` and waits for the roll-ups. */
export async function seedReportDay(p: TestPlatform) {
  const zones = await seedTwoZones(p);
  const { company, tashkent, berlin, serviceId, o1, o2 } = zones;
  const q = companyDb(p.ctx.db, company);
  const manager = await createQueueOperator(p.ctx, company, {
    branchId: tashkent,
    role: "BRANCH_MANAGER",
  });

  const ins = (
    branchId: string,
    source: "WALK_IN" | "KIOSK" | "ONLINE",
    events: Parameters<typeof insertTicketHistory>[2]["events"],
    appointmentAt?: string,
  ) =>
    insertTicketHistory(p.ctx.db, company, {
      branchId,
      serviceId,
      source,
      events,
      ...(appointmentAt && { appointmentAt }),
    });
  // Tashkent. T1: issued on the 28th (local 23:50), called on the 29th (00:05): wait 900 s.
  await ins(
    tashkent,
    "WALK_IN",
    served(
      o1.id,
      "2026-03-28T18:50:00Z",
      "2026-03-28T19:05:00Z",
      "2026-03-28T19:06:00Z",
      "2026-03-28T19:16:00Z",
    ),
  );
  // T2: 09:00 local, wait 120 s, service 300 s.
  const t2 = await ins(
    tashkent,
    "KIOSK",
    served(
      o1.id,
      "2026-03-29T04:00:00Z",
      "2026-03-29T04:02:00Z",
      "2026-03-29T04:02:30Z",
      "2026-03-29T04:07:30Z",
    ),
  );
  // T3: cancelled while waiting.
  await ins(tashkent, "ONLINE", [
    { at: "2026-03-29T04:10:00Z", type: "ISSUE", from: null, to: "WAITING" },
    { at: "2026-03-29T04:20:00Z", type: "CANCEL", from: "WAITING", to: "CANCELLED" },
  ]);
  // T4: called after 300 s, no-show.
  await ins(tashkent, "KIOSK", [
    { at: "2026-03-29T04:30:00Z", type: "ISSUE", from: null, to: "WAITING" },
    {
      at: "2026-03-29T04:35:00Z",
      type: "CALL",
      from: "WAITING",
      to: "CALLED",
      operatorId: o1.id,
    },
    {
      at: "2026-03-29T04:40:00Z",
      type: "MARK_NO_SHOW",
      from: "CALLED",
      to: "NO_SHOW",
      operatorId: o1.id,
    },
  ]);
  // T5: 23:59 local on the 29th (in); T6: 00:01 on the 30th (out).
  await ins(tashkent, "WALK_IN", [
    { at: "2026-03-29T18:59:00Z", type: "ISSUE", from: null, to: "WAITING" },
  ]);
  await ins(tashkent, "WALK_IN", [
    { at: "2026-03-29T19:01:00Z", type: "ISSUE", from: null, to: "WAITING" },
  ]);
  // Berlin. B1: issued 23:30 CET on the 28th, called 00:10 on the 29th: wait 2400 s, service 1200 s.
  const b1 = await ins(
    berlin,
    "WALK_IN",
    served(
      o2.id,
      "2026-03-28T22:30:00Z",
      "2026-03-28T23:10:00Z",
      "2026-03-28T23:10:00Z",
      "2026-03-28T23:30:00Z",
    ),
  );
  // B2: 23:50 CEST on the 29th, wait 300 s, finished 00:05 on the 30th (served out of range).
  await ins(
    berlin,
    "WALK_IN",
    served(
      o2.id,
      "2026-03-29T21:50:00Z",
      "2026-03-29T21:55:00Z",
      "2026-03-29T21:55:00Z",
      "2026-03-29T22:05:00Z",
    ),
  );
  // B3: 00:10 CEST on the 30th (out).
  await ins(berlin, "WALK_IN", [
    { at: "2026-03-29T22:10:00Z", type: "ISSUE", from: null, to: "WAITING" },
  ]);
  // A booking for 10:00 CEST checked in 10:05 (late), called after 300 s, served 300 s.
  await ins(
    berlin,
    "ONLINE",
    [
      { at: "2026-03-29T06:00:00Z", type: "ISSUE", from: null, to: "BOOKED" },
      { at: "2026-03-29T08:05:00Z", type: "CHECK_IN", from: "BOOKED", to: "WAITING" },
      {
        at: "2026-03-29T08:10:00Z",
        type: "CALL",
        from: "WAITING",
        to: "CALLED",
        operatorId: o2.id,
      },
      {
        at: "2026-03-29T08:10:00Z",
        type: "START",
        from: "CALLED",
        to: "SERVING",
        operatorId: o2.id,
      },
      {
        at: "2026-03-29T08:15:00Z",
        type: "FINISH",
        from: "SERVING",
        to: "COMPLETED",
        operatorId: o2.id,
      },
    ],
    "2026-03-29T08:00:00Z",
  );
  // A booking never checked in: missed.
  await ins(
    berlin,
    "ONLINE",
    [
      { at: "2026-03-29T06:30:00Z", type: "ISSUE", from: null, to: "BOOKED" },
      { at: "2026-03-29T12:00:00Z", type: "EXPIRE", from: "BOOKED", to: "EXPIRED" },
    ],
    "2026-03-29T11:00:00Z",
  );
  // Ratings: T2 in range; B1 rated 00:30 CEST on the 30th (out).
  await q
    .insertInto("ratings")
    .values([
      {
        ticket_id: t2,
        branch_id: tashkent,
        service_id: serviceId,
        stars: 5,
        comment: "Zo'r",
        created_at: new Date("2026-03-29T05:00:00Z"),
      },
      {
        ticket_id: b1,
        branch_id: berlin,
        service_id: serviceId,
        stars: 3,
        comment: null,
        created_at: new Date("2026-03-29T22:30:00Z"),
      },
    ])
    .execute();

  p.ctx.events.poke(company);
  await p.ctx.events.idle();
  return { ...zones, manager };
}

export type ReportDay = Awaited<ReturnType<typeof seedReportDay>>;
