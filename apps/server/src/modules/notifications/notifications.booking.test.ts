import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../testing";
import { startSmtp } from "../../testing/fake-smtp";
import {
  book,
  bookableBranch,
  holder,
  nextPhone,
  slotsOf,
  type Slot,
} from "../booking/booking.test-helpers";
import { smtpTransport } from "../outbox/mail-transport";
import { bookingMailAttachments } from "../booking";
import { outboxOf, replay } from "./notifications.test-helpers";
import { notificationSweep, sendDueReminders } from "./notification-sweep";

describe("booking reminders", () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform(
      { PUBLIC_URL: "https://navbat.example.uz" },
      { dayEndWorker: false },
    );
  });
  afterAll(() => p.close());

  it("reminds the day before and N minutes before, once each across runs and restarts, after quiet hours", async () => {
    const f = await bookableBranch(p);
    const tz = (
      await f.db
        .selectFrom("branches")
        .select("time_zone")
        .where("id", "=", f.branch.id)
        .executeTakeFirstOrThrow()
    ).time_zone;
    expect(tz).toBe("Asia/Tashkent");
    await f.db
      .updateTable("notification_settings")
      .set({
        reminder_day_before_at: "18:00",
        reminder_minutes_before: 180,
        quiet_from: "22:00",
        quiet_to: "08:00",
      })
      .execute();
    const slots = (await slotsOf(p, f.slug, f.branch.slug, f.services[0]!.id)).json()
      .slots as Slot[];
    const tickets = [];
    for (const slot of [slots[1]!, slots[2]!, slots[3]!]) {
      const res = await book(p, f.slug, {
        branchId: f.branch.id,
        serviceId: f.services[0]!.id,
        startsAt: slot.startsAt,
        phone: nextPhone(),
      });
      expect(res.statusCode, res.body).toBe(201);
      tickets.push(res.json().booking as { token: string; id?: string });
    }
    await p.ctx.events.idle();
    // The three bookings are on a known future morning, made well before.
    const appointment = new Date("2031-03-12T10:00:00+05:00");
    await f.db
      .updateTable("tickets")
      .set({ appointment_at: appointment, created_at: new Date("2031-03-01T09:00:00+05:00") })
      .where("status", "=", "BOOKED")
      .execute();
    const [kept, cancelled, checkedIn] = tickets;
    expect((await holder(p, f.slug, cancelled!.token, "cancel")).statusCode).toBe(200);
    await f.db
      .updateTable("tickets")
      .set({ status: "WAITING", queued_at: new Date() })
      .where("token", "=", checkedIn!.token)
      .execute();
    await f.db
      .updateTable("tickets")
      .set({ customer_email: "eslatma@example.uz" })
      .where("token", "=", kept!.token)
      .execute();
    const keptPhone = (
      await f.db
        .selectFrom("tickets")
        .select("customer_phone")
        .where("token", "=", kept!.token)
        .executeTakeFirstOrThrow()
    ).customer_phone!;
    const deps = { db: p.ctx.db, publicUrl: "https://navbat.example.uz" };
    const reminders = async () =>
      (await outboxOf(p, f.company.id)).filter(
        (m) => m.channel === "sms" && m.body_text.startsWith("Eslatma"),
      );

    expect(await sendDueReminders(deps, f.company, new Date("2031-03-11T17:59:00+05:00"))).toBe(0);
    expect(await sendDueReminders(deps, f.company, new Date("2031-03-11T18:00:00+05:00"))).toBe(1);
    expect(await sendDueReminders(deps, f.company, new Date("2031-03-11T18:01:00+05:00"))).toBe(0);
    // A restarted process (a new sweep worker) sends nothing twice.
    await notificationSweep(deps, p.app.log).runOnce(new Date("2031-03-11T19:00:00+05:00"));
    expect((await reminders()).map((m) => m.recipient)).toEqual([keptPhone]);
    expect((await reminders())[0]!.body_text).toContain("12.03 10:00");
    // It may wait behind the channel's calls at a busy hour.
    expect((await reminders())[0]).toMatchObject({ bulk: true, urgent: false });
    // The reminder also goes by e-mail, and that e-mail carries the booking's calendar file.
    const mailed = (await outboxOf(p, f.company.id)).filter(
      (m) => m.recipient === "eslatma@example.uz",
    );
    expect(mailed).toHaveLength(1);
    const files = await bookingMailAttachments(p.ctx.db, "https://navbat.example.uz")(mailed[0]!);
    expect(files.map((x) => x.filename)).toEqual([expect.stringMatching(/\.ics$/)]);

    // Three hours before is 07:00, inside the quiet hours (22:00–08:00): it waits until 08:00.
    expect(await sendDueReminders(deps, f.company, new Date("2031-03-12T07:00:00+05:00"))).toBe(0);
    expect(await sendDueReminders(deps, f.company, new Date("2031-03-12T07:59:00+05:00"))).toBe(0);
    expect(await sendDueReminders(deps, f.company, new Date("2031-03-12T08:00:00+05:00"))).toBe(1);
    expect(await sendDueReminders(deps, f.company, new Date("2031-03-12T08:05:00+05:00"))).toBe(0);
    expect(await reminders()).toHaveLength(2);
    expect(
      (await outboxOf(p, f.company.id)).filter((m) => m.recipient === "eslatma@example.uz"),
    ).toHaveLength(2);
    // The appointment has passed: nothing more.
    expect(await sendDueReminders(deps, f.company, new Date("2031-03-12T10:00:00+05:00"))).toBe(0);
  });
});

/** The text/calendar part of a raw MIME message, decoded. */
function calendarPart(raw: string): string {
  const at = raw.search(/Content-Type: text\/calendar/i);
  expect(at).toBeGreaterThan(-1);
  const part = raw.slice(at);
  const headerEnd = part.indexOf("\r\n\r\n");
  const headers = part.slice(0, headerEnd);
  const body = part.slice(headerEnd + 4).split(/\r\n--/)[0]!;
  if (/Content-Transfer-Encoding: base64/i.test(headers))
    return Buffer.from(body.replace(/\s/g, ""), "base64").toString("utf8");
  if (/Content-Transfer-Encoding: quoted-printable/i.test(headers))
    return Buffer.from(
      body
        .replace(/=\r\n/g, "")
        .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      "latin1",
    ).toString("utf8");
  return body;
}

describe("booking e-mails with a calendar file", () => {
  let p: TestPlatform;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
    p = await createTestPlatform(
      { PUBLIC_URL: "https://navbat.example.uz" },
      { dayEndWorker: false, mail: smtpTransport(smtp.url) },
    );
  });
  afterAll(async () => {
    await p.close();
    await smtp.close();
  });

  it("confirms, reschedules and cancels by e-mail, once each, each with the .ics", async () => {
    const f = await bookableBranch(p);
    const slots = (await slotsOf(p, f.slug, f.branch.slug, f.services[0]!.id)).json()
      .slots as Slot[];
    const bad = await book(p, f.slug, {
      branchId: f.branch.id,
      serviceId: f.services[0]!.id,
      startsAt: slots[2]!.startsAt,
      phone: nextPhone(),
      email: "not-an-address",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("email");
    const res = await book(p, f.slug, {
      branchId: f.branch.id,
      serviceId: f.services[0]!.id,
      startsAt: slots[2]!.startsAt,
      phone: nextPhone(),
      email: "mijoz@example.uz",
      language: "en",
    });
    expect(res.statusCode, res.body).toBe(201);
    const token = res.json().booking.token as string;
    expect(
      (await holder(p, f.slug, token, "reschedule", { startsAt: slots[4]!.startsAt })).statusCode,
    ).toBe(200);
    expect((await holder(p, f.slug, token, "cancel")).statusCode).toBe(200);
    await p.ctx.events.idle();
    await replay(p, f.company);
    const mails = (await outboxOf(p, f.company.id)).filter(
      (m) => m.channel === "email" && m.dedupe_key,
    );
    expect(mails.map((m) => m.body_text)).toEqual([
      expect.stringMatching(/^Booked: /),
      expect.stringMatching(/^Booking moved: /),
      expect.stringContaining("was cancelled"),
    ]);
    expect(mails.every((m) => m.recipient === "mijoz@example.uz")).toBe(true);

    const toCustomer = () => smtp.received.filter((r) => r.to.includes("mijoz@example.uz"));
    for (let i = 0; i < 20 && toCustomer().length < 3; i++) await p.ctx.outbox.tick();
    expect(toCustomer()).toHaveLength(3);
    const events = toCustomer().map((r) => {
      const vcalendar = new ICAL.Component(ICAL.parse(calendarPart(r.raw)));
      return vcalendar.getFirstSubcomponent("vevent")!;
    });
    for (const e of events) {
      expect(e.getFirstPropertyValue("uid")).toBe(`${token}@equeue`);
    }
    // Sent after the cancellation, every file says so: the calendar drops the event.
    expect(events[2]!.getFirstPropertyValue("status")).toBe("CANCELLED");
  });
});
