import { formatTicketNumber } from "@equeue/core";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../../testing";
import {
  createBranchWithService,
  createQueueCompany,
  createQueueOperator,
  issuerFor,
  openForBookings,
  setBranchHours,
  tashkentTuesday,
  TUESDAY_WITH_LUNCH,
} from "../../../testing/queue-factories";
import { anonymousCaller } from "../../access";
import { companyDb, type CompanyRecord } from "../../tenancy/company-directory";
import { expireOpenTickets } from "./day-end";
import { callNextTicket } from "./call-next.command";
import { issueTicket } from "./issue-ticket.command";
import { startCounterSession } from "./operator-session.command";
import { loadStaffWorkplace } from "../staff-workplace";
import { actOnTicket } from "./ticket-actions.command";
import { ticketLabelSql } from "../sql/ticket.sql";

describe("issuing tickets and the business day", () => {
  let p: TestPlatform;
  let company: CompanyRecord;
  let slug: string;
  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false });
    ({ company, slug } = await createQueueCompany(p));
  });
  afterAll(() => p.close());

  const issue = async (
    branchId: string,
    serviceId: string,
    source: "KIOSK" | "ONLINE" | "WALK_IN",
    now?: Date,
  ) =>
    issueTicket(
      p.ctx,
      company,
      await issuerFor(p.ctx, company, source, branchId),
      { branchId, serviceId },
      now ? { now } : {},
    );

  it("numbers K-001 / O-001 per series, per branch, per business day", async () => {
    const a = await createBranchWithService(p.ctx, company);
    const b = await createBranchWithService(p.ctx, company);
    const day1 = new Date("2026-03-10T06:00:00Z");
    const day2 = new Date("2026-03-11T06:00:00Z");
    const sA = a.services[0]!.id;
    const labels = [
      await issue(a.branch.id, sA, "KIOSK", day1),
      await issue(a.branch.id, sA, "KIOSK", day1),
      await issue(a.branch.id, sA, "ONLINE", day1),
      await issue(a.branch.id, sA, "WALK_IN", day1),
      await issue(b.branch.id, b.services[0]!.id, "KIOSK", day1),
      await issue(a.branch.id, sA, "KIOSK", day2),
    ].map((t) => t.label);
    expect(labels).toEqual(["K-001", "K-002", "O-001", "W-001", "K-001", "K-001"]);
  });

  it("uses the service letter under the per-service scheme", async () => {
    const { branch, services } = await createBranchWithService(p.ctx, company, {
      numberScheme: "BY_SERVICE",
      services: [{ letter: "KR" }, { letter: "D" }],
    });
    const t1 = await issue(branch.id, services[0]!.id, "KIOSK");
    const t2 = await issue(branch.id, services[1]!.id, "ONLINE");
    const t3 = await issue(branch.id, services[0]!.id, "ONLINE");
    expect([t1.label, t2.label, t3.label]).toEqual(["KR-001", "D-001", "KR-002"]);
  });

  it("puts a ticket issued at 23:30 in Tashkent on that Tashkent day, and expires it after local midnight", async () => {
    // A company of its own, so that only these two branches have open tickets.
    const own = await createQueueCompany(p);
    const company = own.company;
    const issue = async (branchId: string, serviceId: string, source: "KIOSK", now: Date) =>
      issueTicket(
        p.ctx,
        company,
        await issuerFor(p.ctx, company, source, branchId),
        { branchId, serviceId },
        { now },
      );
    const { branch, services } = await createBranchWithService(p.ctx, company);
    const utc = await createBranchWithService(p.ctx, company, { timeZone: "UTC" });
    const at2330 = new Date("2026-03-10T18:30:00Z"); // 23:30 in Asia/Tashkent (UTC+5)
    const t = await issue(branch.id, services[0]!.id, "KIOSK", at2330);
    const u = await issue(utc.branch.id, utc.services[0]!.id, "KIOSK", at2330);
    expect(t.day).toBe("2026-03-10");
    expect(u.day).toBe("2026-03-10");
    // 23:45 in Tashkent: still the same day, nothing expires.
    expect(await expireOpenTickets(p.ctx, company, new Date("2026-03-10T18:45:00Z"))).toBe(0);
    // 00:05 in Tashkent (still 19:05 on the 10th in UTC): only the Tashkent ticket expires.
    expect(await expireOpenTickets(p.ctx, company, new Date("2026-03-10T19:05:00Z"))).toBe(1);
    const db = companyDb(p.ctx.db, company);
    const rows = await db
      .selectFrom("tickets")
      .select(["id", "status"])
      .where("id", "in", [t.id, u.id])
      .execute();
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({
      [t.id]: "EXPIRED",
      [u.id]: "WAITING",
    });
    const events = await db
      .selectFrom("ticket_events")
      .select(["type", "from_status", "to_status"])
      .where("ticket_id", "=", t.id)
      .orderBy("id")
      .execute();
    expect(events).toEqual([
      { type: "ISSUE", from_status: null, to_status: "WAITING" },
      { type: "EXPIRE", from_status: "WAITING", to_status: "EXPIRED" },
    ]);
    // A new day starts a new series.
    expect(
      (await issue(branch.id, services[0]!.id, "KIOSK", new Date("2026-03-10T19:10:00Z"))).label,
    ).toBe("K-001");
  });

  it("keeps waiting customers overnight when the branch says so, but not called ones", async () => {
    const { branch, services } = await createBranchWithService(p.ctx, company);
    const db = companyDb(p.ctx.db, company);
    await db
      .updateTable("branches")
      .set({ keep_overnight: true })
      .where("id", "=", branch.id)
      .execute();
    const evening = new Date("2026-03-12T15:00:00Z");
    const waiting = await issue(branch.id, services[0]!.id, "KIOSK", evening);
    const called = await issue(branch.id, services[0]!.id, "KIOSK", evening);
    await db
      .updateTable("tickets")
      .set({ status: "CALLED", called_at: evening })
      .where("id", "=", called.id)
      .execute();
    await expireOpenTickets(p.ctx, company, new Date("2026-03-13T04:00:00Z"));
    const rows = await db
      .selectFrom("tickets")
      .select(["id", "status"])
      .where("id", "in", [waiting.id, called.id])
      .execute();
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({
      [waiting.id]: "WAITING",
      [called.id]: "EXPIRED",
    });
  });

  it("books an appointment, checks it in, and serves it at its time ahead of earlier walk-ins", async () => {
    const { branch, services, counters } = await createBranchWithService(p.ctx, company);
    // Scheduled all day: the booking at 09:30 lands on one of the service's slots.
    const [op] = await openForBookings(p.ctx, company, branch.id, [services[0]!.id]);
    const nine = new Date("2026-03-16T04:00:00Z"); // 09:00 in Tashkent
    const walkIn = await issue(branch.id, services[0]!.id, "WALK_IN", nine);
    const booked = await issueTicket(
      p.ctx,
      company,
      anonymousCaller(company.id),
      {
        branchId: branch.id,
        serviceId: services[0]!.id,
        appointmentAt: new Date(nine.getTime() + 30 * 60_000),
      },
      { now: new Date(nine.getTime() - 86_400_000) },
    );
    expect(booked).toMatchObject({ status: "BOOKED", queued_at: null, label: "O-001" });
    const scopeAt = async () => loadStaffWorkplace(p.ctx.db, company, op!.id);
    await startCounterSession(p.ctx, company, await scopeAt(), { counterId: counters[0]!.id });
    // Not checked in: not offered, even at its time.
    const arrival = new Date(nine.getTime() + 25 * 60_000);
    const before = await callNextTicket(p.ctx, company, await scopeAt(), { now: arrival });
    expect(before?.id).toBe(walkIn.id);
    await actOnTicket(p.ctx, company, await scopeAt(), walkIn.id, "RETURN_TO_QUEUE", {
      now: arrival,
    });
    const checkedIn = await actOnTicket(p.ctx, company, await scopeAt(), booked.id, "CHECK_IN", {
      now: arrival,
    });
    // Queued at the appointment time, not at arrival: the booking keeps its place in time.
    expect(checkedIn).toMatchObject({ status: "WAITING", queued_at: booked.appointment_at });
    // Due now (within the window around 09:30): before the walk-in who came at 09:00.
    const first = await callNextTicket(p.ctx, company, await scopeAt(), { now: arrival });
    expect(first?.id).toBe(booked.id);
    await actOnTicket(p.ctx, company, await scopeAt(), booked.id, "CANCEL", { now: arrival });
    expect((await callNextTicket(p.ctx, company, await scopeAt(), { now: arrival }))?.id).toBe(
      walkIn.id,
    );
  });

  describe("through the staff endpoint", () => {
    it("issues a walk-in ticket with a tracking token and refuses what cannot be issued", async () => {
      const { branch, services } = await createBranchWithService(p.ctx, company, { dailyLimit: 2 });
      const other = await createBranchWithService(p.ctx, company);
      const op = await createQueueOperator(p.ctx, company, {
        branchId: branch.id,
        role: "BRANCH_MANAGER",
      });
      const post = (body: Record<string, unknown>) =>
        call(p.app, "POST", `/api/c/${slug}/queue/tickets`, { token: op.token, body });
      const ok = await post({
        branchId: branch.id,
        serviceId: services[0]!.id,
        customerPhone: "+998 90 123 45 67",
      });
      expect(ok.statusCode).toBe(201);
      expect(ok.json().ticket).toMatchObject({
        label: "W-001",
        status: "WAITING",
        source: "WALK_IN",
      });
      expect(ok.json().ticket.trackingToken).toMatch(/^[A-Za-z0-9_-]{24}$/);
      // A service the branch does not offer, an unknown one, another branch, bad input.
      const notOffered = await post({ branchId: branch.id, serviceId: other.services[0]!.id });
      expect([notOffered.statusCode, notOffered.json().error.code]).toEqual([
        409,
        "SERVICE_NOT_OFFERED",
      ]);
      const unknown = await post({ branchId: branch.id, serviceId: crypto.randomUUID() });
      expect(unknown.statusCode).toBe(404);
      const foreignBranch = await post({
        branchId: other.branch.id,
        serviceId: other.services[0]!.id,
      });
      expect(foreignBranch.statusCode).toBe(404);
      const bad = await post({ branchId: "nope", serviceId: services[0]!.id, extra: 1 });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(
        expect.arrayContaining(["extra", "branchId"]),
      );
      expect(
        (await post({ branchId: branch.id, serviceId: services[0]!.id, customerPhone: "abc" }))
          .statusCode,
      ).toBe(400);
      // ISO date-times whose day falls off the calendar (year 0, past 9999) are bad input.
      for (const appointmentAt of ["9999-12-31T23:00:00-05:00", "0000-01-01T00:00:00+05:00"]) {
        const offCalendar = await post({
          branchId: branch.id,
          serviceId: services[0]!.id,
          appointmentAt,
        });
        expect(offCalendar.statusCode, appointmentAt).toBe(400);
        expect(offCalendar.json().error.details[0].path).toBe("appointmentAt");
      }
      // The daily limit (2) counts every ticket of the branch's day.
      expect((await post({ branchId: branch.id, serviceId: services[0]!.id })).statusCode).toBe(
        201,
      );
      const over = await post({ branchId: branch.id, serviceId: services[0]!.id });
      expect([over.statusCode, over.json().error.code]).toEqual([409, "DAILY_LIMIT_REACHED"]);
    });

    it("counts the tickets issued before a daily limit was set, and lets one issue at a time past it", async () => {
      const { branch, services } = await createBranchWithService(p.ctx, company);
      const op = await createQueueOperator(p.ctx, company, {
        branchId: branch.id,
        role: "BRANCH_MANAGER",
      });
      const issue = async () =>
        (
          await call(p.app, "POST", `/api/c/${slug}/queue/tickets`, {
            token: op.token,
            body: { branchId: branch.id, serviceId: services[0]!.id },
          })
        ).statusCode;
      const limit = (n: number | null) =>
        companyDb(p.ctx.db, company)
          .updateTable("branches")
          .set({ daily_ticket_limit: n })
          .where("id", "=", branch.id)
          .execute();
      expect([await issue(), await issue(), await issue()]).toEqual([201, 201, 201]);
      // Set at noon to 2: three are out already, so none more today.
      await limit(2);
      expect(await issue()).toBe(409);
      // Lifted, two more go out uncounted; set again to 7, the count is of every ticket (5).
      await limit(null);
      expect([await issue(), await issue()]).toEqual([201, 201]);
      await limit(7);
      expect(await issue()).toBe(201);
      // The seventh: of four at once, one.
      const atOnce = await Promise.all([issue(), issue(), issue(), issue()]);
      expect(atOnce.sort()).toEqual([201, 409, 409, 409]);
      const issued = await companyDb(p.ctx.db, company)
        .selectFrom("tickets")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("branch_id", "=", branch.id)
        .executeTakeFirstOrThrow();
      expect(Number(issued.n)).toBe(7);
    });

    it("refuses a closed branch, and kiosks outside opening hours", async () => {
      const closed = await createBranchWithService(p.ctx, company, { status: "CLOSED" });
      const op = await createQueueOperator(p.ctx, company, {
        branchId: null,
        role: "COMPANY_ADMIN",
      });
      const res = await call(p.app, "POST", `/api/c/${slug}/queue/tickets`, {
        token: op.token,
        body: { branchId: closed.branch.id, serviceId: closed.services[0]!.id },
      });
      expect([res.statusCode, res.json().error.code]).toEqual([409, "BRANCH_CLOSED"]);
      const { branch, services } = await createBranchWithService(p.ctx, company);
      await setBranchHours(p.ctx, company, branch.id, TUESDAY_WITH_LUNCH);
      const tuesday = tashkentTuesday;
      await expect(
        issue(branch.id, services[0]!.id, "KIOSK", tuesday("08:59")),
      ).rejects.toMatchObject({ code: "BRANCH_CLOSED" });
      await expect(
        issue(branch.id, services[0]!.id, "KIOSK", tuesday("13:30")),
      ).rejects.toMatchObject({ code: "BRANCH_CLOSED" });
      await expect(
        issue(branch.id, services[0]!.id, "KIOSK", tuesday("10:00")),
      ).resolves.toMatchObject({ label: "K-001" });
      // Reception may still hand out a ticket to someone standing in the hall.
      await expect(
        issue(branch.id, services[0]!.id, "WALK_IN", tuesday("08:59")),
      ).resolves.toMatchObject({ label: "W-001" });
    });
  });

  it("writes labels as core's formatTicketNumber does, three digits and beyond", async () => {
    for (const n of [1, 7, 10, 99, 100, 999, 1000, 1001, 12345]) {
      const { rows } = await sql<{
        label: string;
      }>`select ${ticketLabelSql(sql`${"K"}::text`, sql`${n}::int`)} as label`.execute(p.ctx.db);
      expect(rows[0]!.label).toBe(formatTicketNumber("K", n));
    }
  });
});
