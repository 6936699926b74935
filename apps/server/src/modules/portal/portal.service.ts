import type { ScreenLanguage } from "@equeue/contracts";
import { businessDay, customerWait, localClock, seriesFor, TICKET_SOURCE } from "@equeue/core";
import type { DayHours, WeeklyHours } from "../../db/tables";
import { AppError, notFound } from "../../shared/app-error";
import type { AnonymousCaller, CustomerCaller } from "../access";
import { logoUrl } from "../companies";
import { findBranding } from "../company-setup";
import { branchOpenAt } from "../queue";
import { etaCallsOf, issueTicket } from "../queue";
import type { QueueDeps } from "../queue";
import type { CompanyQueryDb } from "../queue";
import type { CompanyRecord } from "../tenancy";
import {
  findPublicBranch,
  listExceptionsFrom,
  listPublicBranches,
  listServiceLines,
  type ExceptionRow,
  type PublicBranchRow,
} from "./portal.repository";
import type { PublicBranchDto, PublicCompanyDto, ServiceLineDto } from "./portal.schema";

const DAY_MS = 86_400_000;
const WEEK_DAYS = 7;

/** Only ACTIVE companies face the public; the rest do not exist for a customer. */
export function assertPublic(company: CompanyRecord): void {
  if (company.status !== "ACTIVE") {
    throw new AppError("NOT_FOUND", "There is no company at this address. Check the link.");
  }
}

async function publicCompany(db: CompanyQueryDb, c: CompanyRecord): Promise<PublicCompanyDto> {
  const branding = await findBranding(db);
  return {
    name: c.name,
    slug: c.slug,
    logoUrl: logoUrl(c.logo_id),
    description: c.description,
    phone: c.phone,
    address: c.address,
    primaryColor: branding?.primary_color ?? null,
  };
}

const shortTime = (t: string | null) => (t ? t.slice(0, 5) : null);

/** The branch's local days from today on, each with its hours after exceptions. */
function weekOf(b: PublicBranchRow, exceptions: ExceptionRow[], now: Date) {
  const byDay = new Map(exceptions.filter((e) => e.branch_id === b.id).map((e) => [e.day, e]));
  const hours = b.weekly_hours as WeeklyHours;
  return Array.from({ length: WEEK_DAYS }, (_, i) => {
    const at = new Date(now.getTime() + i * DAY_MS);
    const day = businessDay(at, b.time_zone);
    const weekday = localClock(at, b.time_zone).weekday;
    const ex = byDay.get(day) ?? null;
    let open: DayHours | null = hours[weekday] ?? null;
    if (ex?.kind === "CLOSED") open = null;
    if (ex?.kind === "SHORT_DAY") {
      open = {
        open: shortTime(ex.opens_at) ?? open?.open ?? "00:00",
        close: shortTime(ex.closes_at) ?? open?.close ?? "24:00",
        breaks: open?.breaks ?? [],
      };
    }
    return {
      day,
      weekday: Number(weekday),
      hours: open,
      exception: ex?.kind ?? null,
      note: ex?.note ?? null,
    };
  });
}

function toPublicBranch(
  b: PublicBranchRow,
  exceptions: ExceptionRow[],
  now: Date,
): PublicBranchDto {
  const week = weekOf(b, exceptions, now);
  const today = week[0]!;
  const todayException = exceptions.find((e) => e.branch_id === b.id && e.day === today.day);
  const check =
    b.status === "CLOSED"
      ? ({ open: false, why: "This branch is closed." } as const)
      : branchOpenAt(b.weekly_hours as WeeklyHours, todayException ?? null, now, b.time_zone);
  return {
    id: b.id,
    slug: b.slug,
    name: b.name,
    address: b.address,
    phone: b.phone,
    latitude: b.latitude,
    longitude: b.longitude,
    timeZone: b.time_zone,
    openNow: check.open,
    closedReason: check.open ? null : check.why,
    breakUntil: ("breakUntil" in check && check.breakUntil) || null,
    today,
    week,
  };
}

/** The window of days whose exceptions a week view of any branch can need. */
function exceptionWindow(now: Date) {
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: iso(now.getTime() - DAY_MS), to: iso(now.getTime() + (WEEK_DAYS + 1) * DAY_MS) };
}

/** A company's public page: who it is and its branches with today's hours. */
export async function companyPage(db: CompanyQueryDb, company: CompanyRecord, now: Date) {
  const branches = await listPublicBranches(db);
  const w = exceptionWindow(now);
  const exceptions = await listExceptionsFrom(
    db,
    branches.map((b) => b.id),
    w.from,
    w.to,
  );
  return {
    company: await publicCompany(db, company),
    branches: branches.map((b) => toPublicBranch(b, exceptions, now)),
  };
}

/** A branch's public page: its hours and every service with its line and wait now. */
export async function branchPage(
  db: CompanyQueryDb,
  company: CompanyRecord,
  branchSlug: string,
  now: Date,
) {
  const row = await findPublicBranch(db, branchSlug);
  if (!row) throw notFound("The branch");
  const w = exceptionWindow(now);
  const exceptions = await listExceptionsFrom(db, [row.id], w.from, w.to);
  const branch = toPublicBranch(row, exceptions, now);
  const lines = await listServiceLines(db, row.id, now);
  const services: ServiceLineDto[] = lines.map((s) => {
    const wait = customerWait({
      now,
      recentCalls: etaCallsOf(s.recent_calls),
      peopleAhead: s.waiting ?? 0,
      operatorsServing: s.serving ?? 0,
      smoothedServiceSeconds: s.smoothed_service_seconds ?? null,
      expectedServiceSeconds: s.duration_minutes * 60,
    });
    const joinRefusal = !s.online_booking
      ? "This service does not take places online; come to the branch."
      : branch.closedReason;
    return {
      id: s.id,
      letter: s.letter,
      ticketSeries: seriesFor({
        scheme: row.number_scheme,
        source: TICKET_SOURCE.ONLINE,
        serviceLetter: s.letter,
      }),
      name: s.name,
      description: s.description,
      durationMinutes: s.duration_minutes,
      waiting: s.waiting ?? 0,
      operatorsServing: s.serving ?? 0,
      wait: {
        minutes: wait.minutes,
        lowMinutes: wait.lowMinutes,
        highMinutes: wait.highMinutes,
        noOperators: wait.noOperators,
      },
      joinOnline: joinRefusal === null,
      joinRefusal,
      bookOnline: s.online_booking && row.status === "OPEN",
    };
  });
  if (services.length === 0) throw notFound("The branch");
  return { company: await publicCompany(db, company), branch, services };
}

export type JoinQueueInput = {
  branchId: string;
  serviceId: string;
  phone: string;
  name?: string | null | undefined;
  /** The customer's screen language (Uzbek Cyrillic too): their messages speak it. */
  language?: ScreenLanguage | null | undefined;
};

/**
 * "Take a place now" from the portal: the same issue command as reception and kiosks, with the
 * source ONLINE because the caller is a customer on the portal. The command refuses closed
 * branches, hours, daily limits and services not offered; the database refuses a second open
 * place for the same phone in the same line.
 */
export async function joinQueue(
  deps: QueueDeps,
  db: CompanyQueryDb,
  company: CompanyRecord,
  caller: AnonymousCaller | CustomerCaller,
  input: JoinQueueInput,
  now = new Date(),
) {
  const service = await db
    .selectFrom("services")
    .select(["online_booking"])
    .where("id", "=", input.serviceId)
    .executeTakeFirst();
  if (service && !service.online_booking) {
    throw new AppError(
      "SERVICE_NOT_OFFERED",
      "This service does not take places online; come to the branch or use its kiosk.",
    );
  }
  // The portal's caller makes it an online ticket.
  return issueTicket(
    deps,
    company,
    caller,
    {
      branchId: input.branchId,
      serviceId: input.serviceId,
      customerPhone: input.phone,
      customerName: input.name ?? null,
      language: input.language ?? null,
    },
    { now },
  );
}
