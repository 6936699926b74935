import type { WeeklyHours } from "@equeue/core";
import {
  call,
  createBranchWithService,
  createPublicCompany,
  createQueueOperator,
  type TestPlatform,
} from "../../testing";
import { companyDb, type CompanyRecord } from "../tenancy";

/** Open around the clock every day, so a slot is always a few minutes away. */
export const ALL_DAY: WeeklyHours = Object.fromEntries(
  ["1", "2", "3", "4", "5", "6", "7"].map((d) => [
    d,
    { open: "00:00", close: "24:00", breaks: [] },
  ]),
);

/**
 * An ACTIVE company with a branch open all day, one service (5-minute slots by default) and
 * `operators` operators scheduled all day for it: each slot has that many places.
 */
export async function bookableBranch(
  p: TestPlatform,
  opts: { operators?: number; durationMinutes?: number; lateArrival?: "WALK_IN" | "EXPIRE" } = {},
) {
  const { slug, adminToken, company } = await createPublicCompany(p);
  const { branch, services, counters } = await createBranchWithService(p.ctx, company, {
    services: [
      { letter: "K", name: "Kassa", durationMinutes: opts.durationMinutes ?? 5 },
      { letter: "C", name: "Kredit", durationMinutes: 30 },
    ],
  });
  const db = companyDb(p.ctx.db, company);
  await db
    .updateTable("branches")
    .set({
      weekly_hours: JSON.stringify(ALL_DAY),
      ...(opts.lateArrival && { late_arrival: opts.lateArrival }),
    })
    .where("id", "=", branch.id)
    .execute();
  const operators = [];
  for (let i = 0; i < (opts.operators ?? 2); i++) {
    const op = await createQueueOperator(p.ctx, company, {
      branchId: branch.id,
      serviceIds: services.map((s) => s.id),
    });
    await db
      .updateTable("staff")
      .set({ weekly_schedule: JSON.stringify(ALL_DAY) })
      .where("id", "=", op.id)
      .execute();
    operators.push(op);
  }
  return {
    slug,
    adminToken,
    company: company as CompanyRecord,
    branch,
    services,
    counters,
    operators,
    db,
  };
}

let clients = 0;
/** A client address of its own for each call unless one is given (the per-address limit). */
export const nextAddress = () => `10.1.${++clients >> 8}.${clients & 255}`;

let phones = 0;
/** A fresh Uzbek mobile number. */
export const nextPhone = () => `+99893${String(1_000_000 + ++phones).slice(-7)}`;

export type Slot = { startsAt: string; localDate: string; localTime: string; available: number };

export async function slotsOf(
  p: TestPlatform,
  slug: string,
  branchSlug: string,
  serviceId: string,
  query = "",
) {
  const res = await call(
    p.app,
    "GET",
    `/api/c/${slug}/portal/branches/${branchSlug}/slots?serviceId=${serviceId}${query}`,
  );
  return res;
}

export const book = (
  p: TestPlatform,
  slug: string,
  body: Record<string, unknown>,
  ip = nextAddress(),
) =>
  p.app.inject({
    method: "POST",
    url: `/api/c/${slug}/portal/bookings`,
    headers: { "content-type": "application/json" },
    payload: JSON.stringify(body),
    remoteAddress: ip,
  });

export const holder = (
  p: TestPlatform,
  slug: string,
  token: string,
  action: "check-in" | "cancel" | "reschedule",
  body?: Record<string, unknown>,
) =>
  p.app.inject({
    method: "POST",
    url: `/api/c/${slug}/portal/bookings/${token}/${action}`,
    remoteAddress: nextAddress(),
    ...(body && { headers: { "content-type": "application/json" }, payload: JSON.stringify(body) }),
  });
