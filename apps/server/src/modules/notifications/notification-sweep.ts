import { dueReminders, inQuietHours, TICKET_STATUS } from "@equeue/core";
import type { WaitAlertPayload } from "@equeue/contracts";
import type { FastifyBaseLogger } from "fastify";
import { sql } from "kysely";
import type { Db } from "../../db/database";
import { enqueueNotification } from "../outbox";
import { companyDb, CompanySweep, type CompanyRecord } from "../tenancy";
import { companyInfo } from "./company-texts";
import { sender } from "./notifications.subscriber";
import { loadTicketsToNotify } from "./notify-tickets.query";
import { loadNotificationSettings } from "./notification-settings.repository";

/** How far ahead bookings are looked at: a "day before" reminder falls at most ~2 days ahead. */
const LOOKAHEAD_MS = 50 * 3600_000;
const BATCH = 500;

export type SweepDeps = {
  db: Db;
  publicUrl: string;
  /** Tells the branch's staff screens (socket room) that a wait passed its target. */
  alertStaff?: (companyId: string, payload: WaitAlertPayload) => void;
};

/**
 * Booking reminders due at `now`: each booking is reminded once per reminder and appointment
 * time (a row in `ticket_reminders`, written in the transaction that queues the messages, so a
 * second sweep — or one after a restart — sends nothing twice). Only BOOKED tickets (never a
 * cancelled or checked-in one, and they are locked while the reminder is queued). In the
 * company's quiet hours (branch time) a reminder waits for a later sweep. Returns how many
 * bookings were reminded.
 */
export async function sendDueReminders(
  deps: SweepDeps,
  company: CompanyRecord,
  now: Date,
): Promise<number> {
  const settings = await loadNotificationSettings(companyDb(deps.db, company));
  const rule = {
    dayBeforeAt: settings.reminder_day_before_at,
    minutesBefore: settings.reminder_minutes_before,
  };
  if (!rule.dayBeforeAt && !rule.minutesBefore) return 0;
  const quiet =
    settings.quiet_from && settings.quiet_to
      ? { from: settings.quiet_from, to: settings.quiet_to }
      : null;
  const enabled = (rule.dayBeforeAt ? 1 : 0) + (rule.minutesBefore ? 1 : 0);
  // Bookings ahead that still miss a reminder for their current time (read without locks).
  const candidates = await companyDb(deps.db, company)
    .selectFrom("tickets as t")
    .innerJoin("branches as b", "b.id", "t.branch_id")
    .select(["t.id", "t.appointment_at", "t.created_at", "b.time_zone"])
    .where("t.status", "=", TICKET_STATUS.BOOKED)
    .where("t.appointment_at", ">", now)
    .where("t.appointment_at", "<=", new Date(now.getTime() + LOOKAHEAD_MS))
    .where(
      (eb) =>
        eb
          .selectFrom("ticket_reminders as r")
          .select((r) => r.fn.countAll<number>().as("n"))
          .whereRef("r.ticket_id", "=", "t.id")
          .whereRef("r.appointment_at", "=", "t.appointment_at"),
      "<",
      enabled,
    )
    .orderBy("t.appointment_at")
    .limit(BATCH)
    .execute();
  const due = new Map<string, { kinds: ("DAY_BEFORE" | "BEFORE")[]; at: Date }>();
  for (const c of candidates) {
    if (!c.appointment_at) continue;
    if (inQuietHours(now, c.time_zone, quiet)) continue;
    const kinds = dueReminders(
      { appointmentAt: c.appointment_at, createdAt: c.created_at },
      c.time_zone,
      rule,
      now,
    );
    if (kinds.length) due.set(c.id, { kinds, at: c.appointment_at });
  }
  if (due.size === 0) return 0;
  return deps.db.transaction().execute(async (trx) => {
    const q = companyDb(trx, company);
    // Locked, and still BOOKED at the same time: a cancel or check-in in between wins.
    const locked = await q
      .selectFrom("tickets")
      .select(["id", "appointment_at"])
      .where("id", "in", [...due.keys()])
      .where("status", "=", TICKET_STATUS.BOOKED)
      .forUpdate()
      .skipLocked()
      .execute();
    const still = locked.filter((l) => l.appointment_at?.getTime() === due.get(l.id)!.at.getTime());
    if (still.length === 0) return 0;
    const reachable = await loadTicketsToNotify(
      trx,
      q,
      company,
      still.map((l) => l.id),
      { reachableOnly: true, withEmail: true },
    );
    const send = sender(trx, company, await companyInfo(trx, q, company), deps.publicUrl);
    let reminded = 0;
    for (const { id } of still) {
      const t = reachable.get(id);
      const d = due.get(id)!;
      if (!t) continue;
      // The newest due reminder stands for all of them: one message, not two at once.
      const kinds = d.kinds;
      const inserted = await q
        .insertInto("ticket_reminders")
        .values(kinds.map((kind) => ({ ticket_id: id, kind, appointment_at: d.at })))
        .onConflict((oc) => oc.columns(["ticket_id", "kind", "appointment_at"]).doNothing())
        .returning("kind")
        .execute();
      if (inserted.length === 0) continue;
      const kind = kinds.at(-1)!;
      send(t, "REMINDER", `${kind}@${d.at.getTime()}`);
      reminded++;
    }
    await send.flush();
    return reminded;
  });
}

/**
 * Staff alerts: a (branch, service) whose longest-waiting ticket has waited longer than the
 * service's `target_wait_minutes` starts an episode (a `wait_alerts` row); its start sends one
 * e-mail to each active company admin and manager of the branch and one socket event to the
 * branch's staff. Nothing more until the wait is back under target, which ends the episode.
 * Returns how many episodes started.
 */
export async function checkWaitTargets(
  deps: SweepDeps,
  company: CompanyRecord,
  now: Date,
): Promise<number> {
  const started: WaitAlertPayload[] = [];
  await deps.db.transaction().execute(async (trx) => {
    const q = companyDb(trx, company);
    const lines = await q
      .selectFrom("tickets as t")
      .innerJoin("services as s", "s.id", "t.service_id")
      .select([
        "t.branch_id",
        "t.service_id",
        "s.name as service_name",
        "s.target_wait_minutes",
        (eb) => eb.fn.min("t.queued_at").as("oldest"),
      ])
      .where("t.status", "=", TICKET_STATUS.WAITING)
      .where("s.target_wait_minutes", "is not", null)
      .groupBy(["t.branch_id", "t.service_id", "s.name", "s.target_wait_minutes"])
      .execute();
    const over = new Map<string, (typeof lines)[number] & { waited: number }>();
    for (const l of lines) {
      const oldest = l.oldest ? new Date(l.oldest as unknown as string) : null;
      if (!oldest) continue;
      const waited = (now.getTime() - oldest.getTime()) / 60_000;
      if (waited > l.target_wait_minutes!)
        over.set(`${l.branch_id}:${l.service_id}`, { ...l, waited });
    }
    // Episodes whose wait is back under target (or whose line emptied) end.
    const open = await q.selectFrom("wait_alerts").selectAll().execute();
    for (const a of open) {
      if (!over.has(`${a.branch_id}:${a.service_id}`)) {
        await q
          .deleteFrom("wait_alerts")
          .where("branch_id", "=", a.branch_id)
          .where("service_id", "=", a.service_id)
          .execute();
      }
    }
    for (const l of over.values()) {
      const row = await q
        .insertInto("wait_alerts")
        .values({ branch_id: l.branch_id, service_id: l.service_id, started_at: now })
        .onConflict((oc) => oc.columns(["branch_id", "service_id"]).doNothing())
        .returning("started_at")
        .executeTakeFirst();
      if (!row) continue;
      const payload: WaitAlertPayload = {
        branchId: l.branch_id,
        serviceId: l.service_id,
        serviceName: l.service_name as unknown as Record<string, string>,
        longestWaitMinutes: Math.floor(l.waited),
        targetMinutes: l.target_wait_minutes!,
        at: now,
      };
      await mailManagers(trx, company, payload, row.started_at);
      started.push(payload);
    }
  });
  // After commit: the screens hear of what the database now says.
  for (const p of started) deps.alertStaff?.(company.id, p);
  return started.length;
}

const ALERT_LANGS = ["uz", "ru", "en"] as const;
type AlertLang = (typeof ALERT_LANGS)[number];
type AlertNames = { service: string; branch: string };
type AlertNumbers = { longestWaitMinutes: number; targetMinutes: number };

/** The staff alert for a wait over its target, in each language the staff may read. */
const WAIT_ALERT_TEXT: Record<
  AlertLang,
  { subject: (n: AlertNames) => string; body: (n: AlertNames, a: AlertNumbers) => string }
> = {
  uz: {
    subject: (n) => `${n.service} — ${n.branch}: kutish maqsaddan oshdi`,
    body: (n, a) =>
      `${n.branch}, ${n.service}: eng uzoq kutish ${a.longestWaitMinutes} daqiqa, maqsad ${a.targetMinutes} daqiqa.`,
  },
  ru: {
    subject: (n) => `${n.service} — ${n.branch}: ожидание дольше цели`,
    body: (n, a) =>
      `${n.branch}, ${n.service}: самое долгое ожидание ${a.longestWaitMinutes} мин, цель ${a.targetMinutes} мин.`,
  },
  en: {
    subject: (n) => `${n.service} — ${n.branch}: wait over target`,
    body: (n, a) =>
      `${n.branch}, ${n.service}: the longest wait is ${a.longestWaitMinutes} min, over the target of ${a.targetMinutes} min.`,
  },
};

async function mailManagers(
  trx: Db,
  company: CompanyRecord,
  alert: WaitAlertPayload,
  episode: Date,
) {
  const q = companyDb(trx, company);
  const branch = await q
    .selectFrom("branches")
    .select("name")
    .where("id", "=", alert.branchId)
    .executeTakeFirst();
  const staff = await q
    .selectFrom("staff as st")
    .select(["st.id", "st.email"])
    .where("st.is_active", "=", true)
    .where((eb) =>
      eb.or([
        eb("st.role", "=", "COMPANY_ADMIN"),
        eb.and([
          eb("st.role", "=", "BRANCH_MANAGER"),
          eb.or([
            eb("st.branch_id", "=", alert.branchId),
            eb.exists(
              eb
                .selectFrom("staff_branches as sb")
                .select(sql`1`.as("one"))
                .whereRef("sb.staff_id", "=", "st.id")
                .where("sb.branch_id", "=", alert.branchId),
            ),
          ]),
        ]),
      ]),
    )
    .execute();
  // The company's language first (its staff read it), then the other two.
  const names = (lang: AlertLang) => ({
    service: alert.serviceName[lang] || alert.serviceName.uz || "",
    branch: (branch?.name as Partial<Record<AlertLang, string>> | undefined)?.[lang] || "",
  });
  const order = [
    company.default_language,
    ...ALERT_LANGS.filter((l) => l !== company.default_language),
  ];
  const text = order.map((lang) => WAIT_ALERT_TEXT[lang].body(names(lang), alert)).join("\n");
  const subject = WAIT_ALERT_TEXT[company.default_language].subject(
    names(company.default_language),
  );
  for (const s of staff) {
    await enqueueNotification(trx, {
      channel: "email",
      to: s.email,
      subject,
      text,
      companyId: company.id,
      key: [
        company.id,
        "wait-alert",
        alert.branchId,
        alert.serviceId,
        episode.toISOString(),
        "email",
        s.id,
      ].join(":"),
    });
  }
}

/** Reminders and wait alerts for every company, once a minute. */
export function notificationSweep(
  deps: SweepDeps,
  log: FastifyBaseLogger,
  intervalMs = 60_000,
): CompanySweep {
  return new CompanySweep(deps.db, log, {
    name: "notification sweep",
    intervalMs,
    runAtStart: true,
    each: async (company, now) => {
      const reminded = await sendDueReminders(deps, company, now);
      const alerts = await checkWaitTargets(deps, company, now);
      if (reminded || alerts)
        log.info({ company: company.slug, reminded, alerts }, "notification sweep");
    },
  });
}
