import type { DeviceKind } from "@equeue/contracts";
import type { TicketSource } from "@equeue/core";
import type { AppContext } from "../app-context";
import type { StaffRole } from "../db/tables";
import { randomUUID } from "node:crypto";
import { anonymousCaller, loadStaffCaller, newDeviceToken, type Caller } from "../modules/access";
import { issueTicket, type TicketView } from "../modules/queue";
import { companyDb, type CompanyRecord } from "../modules/tenancy";
import { activateCompanyAdmin, call, createCompany, loginSuperAdmin } from "./factories";
import type { TestPlatform } from "./test-platform";

// Inserted straight through the company's tables: the queue's tests must not depend on the
// set-up API, and a direct insert is fast enough to build a 1,000-ticket branch.

let seq = 0;
const next = () => `${++seq}${Math.random().toString(36).slice(2, 6)}`;

/** A provisioned company with an activated admin; returns its record and the admin's token. */
export async function createQueueCompany(p: TestPlatform, slug = `queue${next()}`) {
  const superToken = await loginSuperAdmin(p.app);
  const dto = await createCompany(p.app, superToken, { slug });
  const admin = await activateCompanyAdmin(p.app, p.ctx, dto);
  p.ctx.directory.invalidate(slug);
  const company = (await p.ctx.directory.findBySlug(slug))!;
  return { company, slug, adminToken: admin.token };
}

/** A company as `createQueueCompany` makes it, made ACTIVE: its portal and booking answer. */
export async function createPublicCompany(p: TestPlatform, slug?: string) {
  const created = await createQueueCompany(p, slug);
  await p.ctx.db
    .updateTable("platform.companies")
    .set({ status: "ACTIVE" })
    .where("slug", "=", created.slug)
    .execute();
  p.ctx.directory.invalidate(created.slug);
  const company = (await p.ctx.directory.findBySlug(created.slug))!;
  return { ...created, company };
}

export type ServiceSeed = {
  letter?: string;
  name?: string;
  priority?: number;
  headStartSeconds?: number;
  durationMinutes?: number;
};

/** A branch offering the given services (one "Kassa" by default) with `counters` counters. */
export async function createBranchWithService(
  ctx: AppContext,
  company: CompanyRecord,
  opts: {
    services?: ServiceSeed[];
    counters?: number;
    timeZone?: string;
    numberScheme?: "BY_SOURCE" | "BY_SERVICE";
    graceSeconds?: number;
    dailyLimit?: number | null;
    status?: "OPEN" | "CLOSED";
  } = {},
) {
  const db = companyDb(ctx.db, company);
  const code = `B${next()}`.toUpperCase();
  const branch = await db
    .insertInto("branches")
    .values({
      slug: code.toLowerCase(),
      code,
      name: JSON.stringify({ uz: `Filial ${code}`, en: `Branch ${code}` }),
      address: JSON.stringify({ uz: "Toshkent" }),
      time_zone: opts.timeZone ?? "Asia/Tashkent",
      weekly_hours: JSON.stringify({}),
      number_scheme: opts.numberScheme ?? "BY_SOURCE",
      no_show_grace_seconds: opts.graceSeconds ?? 120,
      daily_ticket_limit: opts.dailyLimit ?? null,
      status: opts.status ?? "OPEN",
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const services = [];
  for (const [i, s] of (opts.services ?? [{}]).entries()) {
    const service = await db
      .insertInto("services")
      .values({
        code: `S${next()}`,
        letter: s.letter ?? String.fromCharCode(65 + i),
        name: JSON.stringify({ uz: s.name ?? `Xizmat ${i + 1}`, en: s.name ?? `Service ${i + 1}` }),
        duration_minutes: s.durationMinutes ?? 5,
        priority: s.priority ?? 0,
        head_start_seconds: s.headStartSeconds ?? 0,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await db
      .insertInto("branch_services")
      .values({ branch_id: branch.id, service_id: service.id })
      .execute();
    services.push(service);
  }
  const counters = [];
  for (let n = 1; n <= (opts.counters ?? 2); n++) {
    counters.push(
      await db
        .insertInto("counters")
        .values({ branch_id: branch.id, number: n })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
  }
  return { branch, services, counters };
}

/** A staff member assigned to a branch and services, with a signed access token (no login). */
export async function createQueueOperator(
  ctx: AppContext,
  company: CompanyRecord,
  opts: { branchId: string | null; serviceIds?: string[]; counterId?: string; role?: StaffRole },
) {
  const db = companyDb(ctx.db, company);
  const email = `op${next()}@queue.test`;
  const role = opts.role ?? "OPERATOR";
  const staff = await db
    .insertInto("staff")
    .values({
      email,
      name: `Operator ${email}`,
      role,
      password_hash: "not-a-hash: this account logs in with a signed token only",
      branch_id: opts.branchId,
      counter_id: opts.counterId ?? null,
      weekly_schedule: JSON.stringify({}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const serviceId of opts.serviceIds ?? []) {
    await db
      .insertInto("staff_services")
      .values({ staff_id: staff.id, service_id: serviceId })
      .execute();
  }
  const token = await ctx.tokens.sign({
    realm: "company",
    sub: staff.id,
    email,
    role,
    companyId: company.id,
    mustChangePassword: false,
  });
  return { id: staff.id, email, token };
}

/**
 * Who issues a ticket of `source` in a test: the company's first admin at reception (WALK_IN),
 * a kiosk of the branch (KIOSK) or a portal visitor (ONLINE) — the source follows from it.
 */
export async function issuerFor(
  ctx: AppContext,
  company: CompanyRecord,
  source: TicketSource,
  branchId: string,
): Promise<Caller> {
  if (source === "ONLINE") return anonymousCaller(company.id);
  if (source === "KIOSK") {
    return {
      kind: "device",
      companyId: company.id,
      deviceId: randomUUID(),
      deviceKind: "KIOSK",
      branchId,
    };
  }
  const admin = await companyDb(ctx.db, company)
    .selectFrom("staff")
    .select("id")
    .where("role", "=", "COMPANY_ADMIN")
    .orderBy("created_at")
    .executeTakeFirstOrThrow();
  return loadStaffCaller(ctx.db, company, admin.id);
}

/** Issues `count` tickets through the real command (numbering, events and all). */
export async function issueTickets(
  ctx: AppContext,
  company: CompanyRecord,
  opts: {
    branchId: string;
    serviceId: string;
    count: number;
    source?: TicketSource;
    now?: Date;
    phone?: string;
  },
): Promise<TicketView[]> {
  const out: TicketView[] = [];
  const issuer = await issuerFor(ctx, company, opts.source ?? "WALK_IN", opts.branchId);
  for (let i = 0; i < opts.count; i++) {
    const now = opts.now ? new Date(opts.now.getTime() + i) : undefined;
    out.push(
      await issueTicket(
        ctx,
        company,
        issuer,
        {
          branchId: opts.branchId,
          serviceId: opts.serviceId,
          ...(opts.phone && { customerPhone: opts.phone }),
        },
        now ? { now } : {},
      ),
    );
  }
  return out;
}

/**
 * A branch with one service and an operator of it at the first counter, signed in over HTTP:
 * a line whose tickets can be called. Answers the branch set-up, the service id and the operator.
 */
export async function lineWithOperatorAtCounter(
  p: TestPlatform,
  company: CompanyRecord,
  slug: string,
) {
  const setup = await createBranchWithService(p.ctx, company);
  const serviceId = setup.services[0]!.id;
  const op = await createQueueOperator(p.ctx, company, {
    branchId: setup.branch.id,
    serviceIds: [serviceId],
  });
  const session = await call(p.app, "POST", `/api/c/${slug}/queue/session`, {
    token: op.token,
    body: { counterId: setup.counters[0]!.id },
  });
  if (session.statusCode !== 200) throw new Error(`counter session: ${session.body}`);
  return { setup, serviceId, op };
}

/** A paired display board (or kiosk) of a branch; returns the raw device token. */
export async function createDisplayDevice(
  ctx: AppContext,
  company: CompanyRecord,
  branchId: string,
  kind: DeviceKind = "DISPLAY",
): Promise<string> {
  const { raw, hash } = newDeviceToken();
  await companyDb(ctx.db, company)
    .insertInto("devices")
    .values({
      branch_id: branchId,
      kind,
      name: `${kind} ${next()}`,
      settings: JSON.stringify({}),
      token_hash: hash,
      paired_at: new Date(),
    })
    .execute();
  return raw;
}

const ALL_DAY_HOURS = Object.fromEntries(
  ["1", "2", "3", "4", "5", "6", "7"].map((d) => [
    d,
    { open: "00:00", close: "24:00", breaks: [] },
  ]),
);

/**
 * Opens a branch for bookings around the clock: all-day hours and `operators` staff scheduled
 * all day for the services (each slot then has that many places). A ticket issued with an
 * appointment time must land on one of these slots.
 */
export async function openForBookings(
  ctx: AppContext,
  company: CompanyRecord,
  branchId: string,
  serviceIds: string[],
  operators = 1,
) {
  const db = companyDb(ctx.db, company);
  await db
    .updateTable("branches")
    .set({ weekly_hours: JSON.stringify(ALL_DAY_HOURS) })
    .where("id", "=", branchId)
    .execute();
  const staff = [];
  for (let i = 0; i < operators; i++) {
    const op = await createQueueOperator(ctx, company, { branchId, serviceIds });
    await db
      .updateTable("staff")
      .set({ weekly_schedule: JSON.stringify(ALL_DAY_HOURS) })
      .where("id", "=", op.id)
      .execute();
    staff.push(op);
  }
  // The set-up changed behind the admin API's back: bookings must not use what they kept.
  ctx.bookings.invalidate(company.id);
  return staff;
}

/** Tuesdays only, 09:00–18:00 with lunch 13:00–14:00: a branch's week with a break in it. */
export const TUESDAY_WITH_LUNCH = {
  "2": { open: "09:00", close: "18:00", breaks: [{ start: "13:00", end: "14:00" }] },
};

/** "HH:MM" of Tuesday 10 March 2026 in Tashkent (UTC+5), the branches' default zone. */
export const tashkentTuesday = (hhmm: string) => new Date(`2026-03-10T${hhmm}:00+05:00`);

/** Replaces a branch's weekly hours directly in its company's tables. */
export async function setBranchHours(
  ctx: AppContext,
  company: CompanyRecord,
  branchId: string,
  hours: object,
) {
  await companyDb(ctx.db, company)
    .updateTable("branches")
    .set({ weekly_hours: JSON.stringify(hours) })
    .where("id", "=", branchId)
    .execute();
}
