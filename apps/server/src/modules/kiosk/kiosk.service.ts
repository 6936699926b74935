import type { ScreenLanguage } from "@equeue/contracts";
import {
  businessDay,
  customerWait,
  formatClock,
  localClock,
  seriesFor,
  TICKET_SOURCE,
} from "@equeue/core";
import type { WeeklyHours } from "../../db/tables";
import { notFound } from "../../shared/app-error";
import type { DeviceCaller } from "../access";
import { checkInAtKiosk, type KioskCheckInInput } from "../booking";
import { logoUrl } from "../companies";
import { findBranding } from "../company-setup";
import { effectiveSettings, servicesShown } from "../devices";
import { findDevice } from "../devices";
import type { KioskSettings } from "../devices";
import { listServiceLines } from "../portal";
import { branchOpenAt, type OpenCheck } from "../queue";
import { etaCallsOf, issueTicket } from "../queue";
import type { QueueDeps } from "../queue";
import type { CompanyQueryDb } from "../queue";
import { trackingViewByToken } from "../queue";
import type { CompanyRecord } from "../tenancy";
import type {
  KioskCheckInDto,
  KioskClosedReason,
  KioskServiceDto,
  KioskSnapshotDto,
  KioskTicketDto,
} from "./kiosk.schema";

// Not a ticket series: the branch's running total for the day, kept by the issue command.
const DAY_TOTAL_SERIES = "*";

type BranchState = { open: true } | { open: false; reason: KioskClosedReason; message: string };

/** The kiosk's device row and its settings; a kiosk removed since its token was cached is gone. */
export async function kioskDevice(db: CompanyQueryDb, caller: DeviceCaller) {
  const row = await findDevice(db, caller.deviceId);
  if (!row || row.revoked_at) throw notFound("The kiosk");
  return { row, settings: effectiveSettings("KIOSK", row.settings) as KioskSettings };
}

/**
 * Whether the kiosk's branch issues tickets now, and if not why, in the terms the kiosk shows:
 * closed for the day, outside today's hours, or its daily ticket limit reached — the same rules
 * the issue command applies, read without taking a number.
 */
async function branchState(db: CompanyQueryDb, branchId: string, now: Date) {
  const branch = await db
    .selectFrom("branches")
    .select([
      "id",
      "name",
      "status",
      "time_zone",
      "weekly_hours",
      "daily_ticket_limit",
      "number_scheme",
    ])
    .where("id", "=", branchId)
    .executeTakeFirst();
  if (!branch) throw notFound("The kiosk's branch");
  const day = businessDay(now, branch.time_zone);
  const [exception, total] = await Promise.all([
    db
      .selectFrom("branch_exceptions")
      .select(["kind", "opens_at", "closes_at"])
      .where("branch_id", "=", branchId)
      .where("day", "=", day)
      .executeTakeFirst(),
    branch.daily_ticket_limit === null
      ? undefined
      : db
          .selectFrom("ticket_series")
          .select("last_number")
          .where("branch_id", "=", branchId)
          .where("day", "=", day)
          .where("series", "=", DAY_TOTAL_SERIES)
          .executeTakeFirst(),
  ]);
  let state: BranchState = { open: true };
  const hours: OpenCheck =
    branch.status === "CLOSED"
      ? { open: false, why: "This branch is closed.", kind: "CLOSED_TODAY" }
      : branchOpenAt(branch.weekly_hours as WeeklyHours, exception ?? null, now, branch.time_zone);
  if (!hours.open) state = { open: false, reason: hours.kind, message: hours.why };
  else if (
    branch.daily_ticket_limit !== null &&
    (total?.last_number ?? 0) >= branch.daily_ticket_limit
  ) {
    state = {
      open: false,
      reason: "DAILY_LIMIT",
      message: `This branch has issued its ${branch.daily_ticket_limit} tickets for the day.`,
    };
  }
  return { branch, state };
}

/**
 * What a kiosk shows: the company's look, its branch, its settings and the services it offers,
 * each with people waiting, operators serving, the wait range and — when it cannot be chosen —
 * why. Never a customer's name or phone.
 */
export async function kioskSnapshot(
  db: CompanyQueryDb,
  company: CompanyRecord,
  caller: DeviceCaller,
  now: Date,
): Promise<KioskSnapshotDto> {
  const { row, settings } = await kioskDevice(db, caller);
  const [{ branch, state }, shown, lines, branding] = await Promise.all([
    branchState(db, caller.branchId, now),
    servicesShown(db, row),
    listServiceLines(db, caller.branchId, now),
    findBranding(db),
  ]);
  const lineOf = new Map(lines.map((l) => [l.id, l]));
  const services: KioskServiceDto[] = shown.flatMap((s) => {
    const line = lineOf.get(s.id);
    if (!line) return [];
    const wait = customerWait({
      now,
      recentCalls: etaCallsOf(line.recent_calls),
      peopleAhead: line.waiting ?? 0,
      operatorsServing: line.serving ?? 0,
      smoothedServiceSeconds: line.smoothed_service_seconds ?? null,
      expectedServiceSeconds: line.duration_minutes * 60,
    });
    return [
      {
        id: s.id,
        letter: s.letter,
        ticketSeries: seriesFor({
          scheme: branch.number_scheme,
          source: TICKET_SOURCE.KIOSK,
          serviceLetter: s.letter,
        }),
        name: s.name,
        durationMinutes: s.durationMinutes,
        waiting: line.waiting ?? 0,
        operatorsServing: line.serving ?? 0,
        wait: {
          minutes: wait.minutes,
          lowMinutes: wait.lowMinutes,
          highMinutes: wait.highMinutes,
          noOperators: wait.noOperators,
        },
        open: state.open,
        closedReason: state.open ? null : state.reason,
        closedMessage: state.open ? null : state.message,
      },
    ];
  });
  return {
    company: {
      name: branding?.name ?? company.name,
      logoUrl: logoUrl(branding?.logo_id ?? company.logo_id),
      primaryColor: branding?.primary_color ?? null,
    },
    branch: { id: branch.id, name: branch.name, timeZone: branch.time_zone },
    settings: {
      languages: settings.languages,
      autoPrint: settings.autoPrint,
      idleResetSeconds: settings.idleResetSeconds,
      offlineIssuing: settings.offlineIssuing,
    },
    services,
    at: now,
  };
}

export type KioskIssueInput = {
  serviceId: string;
  name?: string | null | undefined;
  phone?: string | null | undefined;
  /** The customer's screen language (Uzbek Cyrillic too): their messages speak it. */
  language?: ScreenLanguage | null | undefined;
};

/**
 * A ticket from the kiosk: only a service this kiosk shows, through the one issue command with
 * the kiosk as the caller (so the source is KIOSK and the branch the kiosk's own). The answer
 * has what the ticket screen and the receipt show: number, people ahead, the wait range and
 * the tracking link for the QR code.
 */
export async function issueKioskTicket(
  deps: QueueDeps,
  db: CompanyQueryDb,
  company: CompanyRecord,
  caller: DeviceCaller,
  input: KioskIssueInput,
  now = new Date(),
): Promise<KioskTicketDto> {
  const { row } = await kioskDevice(db, caller);
  const shown = await servicesShown(db, row);
  // A service this kiosk does not show (hidden, another branch's, another company's) is not here.
  if (!shown.some((s) => s.id === input.serviceId)) throw notFound("The service");
  const ticket = await issueTicket(
    deps,
    company,
    caller,
    {
      branchId: caller.branchId,
      serviceId: input.serviceId,
      customerName: input.name ?? null,
      customerPhone: input.phone ?? null,
      language: input.language ?? null,
    },
    { now },
  );
  const tracked = await trackingViewByToken(db, ticket.token, now);
  const view = tracked?.view;
  return {
    ticket: {
      id: ticket.id,
      label: ticket.label,
      token: ticket.token,
      trackPath: `/t/${ticket.token}`,
      serviceName: ticket.service_name,
      branchName: view?.branchName ?? { uz: "" },
      issuedAt: ticket.created_at,
      peopleAhead: view?.peopleAhead ?? 0,
      wait: view?.estimate ?? { minutes: 0, lowMinutes: 0, highMinutes: 0, noOperators: false },
    },
  };
}

/**
 * A booked customer checks in at this kiosk with the code on their booking or its QR code: only
 * a booking of the kiosk's own branch; the answer says where they stand now.
 */
export async function checkInKioskBooking(
  deps: QueueDeps,
  db: CompanyQueryDb,
  company: CompanyRecord,
  caller: DeviceCaller,
  input: KioskCheckInInput,
  now = new Date(),
): Promise<KioskCheckInDto> {
  await kioskDevice(db, caller);
  const row = await checkInAtKiosk(deps, db, company, caller.branchId, input, now);
  const tracked = await trackingViewByToken(db, row.token, now);
  const view = tracked?.view;
  const appointmentAt = row.appointment_at!;
  return {
    ticket: {
      label: row.label,
      status: "WAITING",
      trackPath: `/t/${row.token}`,
      serviceName: row.service_name as KioskCheckInDto["ticket"]["serviceName"],
      branchName: row.branch_name as KioskCheckInDto["ticket"]["branchName"],
      appointmentAt,
      localTime: formatClock(localClock(appointmentAt, row.time_zone).minutes),
      late: row.queued_at !== null && row.queued_at.getTime() !== appointmentAt.getTime(),
      peopleAhead: view?.peopleAhead ?? 0,
      wait: view?.estimate ?? { minutes: 0, lowMinutes: 0, highMinutes: 0, noOperators: false },
    },
  };
}
