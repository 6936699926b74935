import type { ScreenLanguage } from "@equeue/contracts";
import { randomBytes } from "node:crypto";
import {
  DEFAULT_APPOINTMENT_WINDOW,
  TICKET_STATUS,
  TICKET_TOKEN_BYTES,
  businessDay,
  createTicketToken,
  customerWait,
  formatTicketNumber,
  seriesFor,
} from "@equeue/core";
import type { I18nText } from "../../../db/tables";
import { AppError, notFound } from "../../../shared/app-error";
import { requireTicketIssuer, type Caller } from "../../access";
import type { CompanyRecord } from "../../tenancy";
import { branchOpenAt } from "../branch-hours";
import { runQueueTransaction, type QueueDeps } from "./queue-transaction";
import { TICKET_EVENT, type SlotClaim, type TicketActor, type TicketView } from "../queue.types";
import { workplaceFromRow } from "../staff-workplace";
import { ticketFact } from "./ticket-transition";
import { insertNumberedTicket, readIssueTarget, type IssueTarget } from "../sql/ticket.sql";
import { etaCallsOf } from "../sql/recent-calls.sql";

export type IssueTicketInput = {
  branchId: string;
  serviceId: string;
  customerName?: string | null;
  customerPhone?: string | null;
  /** Where booking confirmations go by e-mail (with a calendar file). */
  customerEmail?: string | null | undefined;
  /** A booked time: the ticket is BOOKED until the customer checks in. */
  appointmentAt?: Date | null;
  /** The customer's language, for their notifications. */
  /** The customer's screen language (Uzbek Cyrillic too): their messages speak it. */
  language?: ScreenLanguage | null | undefined;
};

export type IssueTicketOptions = {
  now?: Date;
  /**
   * The branch, service and exceptions as the caller has just read them (the booking module
   * keeps them briefly); only for callers without a staff scope. Default: read them here.
   */
  target?: IssueTarget;
  /**
   * A booking's hold on its slot, as the booking module made it. Default: asked of
   * `deps.bookings`; a ticket with an appointment time is never issued without one.
   */
  slot?: SlotClaim;
};

export const nameOf = (name: I18nText) => name.en ?? name.uz;

/**
 * The one way a ticket comes to exist, for reception, kiosks and the portal alike: the caller
 * decides the ticket's source (access module) and must reach the branch (404 otherwise); a staff
 * member's workplace is read with the branch, and its counter goes in the event log. Numbers
 * are per branch, per business day in the branch's time zone, per series. Two round trips: one read (branch, service, the day's exception, the staff workplace), then ONE
 * statement that takes the daily quota, the next number of the series, inserts the ticket and
 * its first event — atomically, so a refused or failed issue leaves no gap and no half record.
 */
export async function issueTicket(
  deps: QueueDeps,
  company: CompanyRecord,
  caller: Caller,
  input: IssueTicketInput,
  opts: IssueTicketOptions = {},
): Promise<TicketView> {
  const now = opts.now ?? new Date();
  // A staff member's reach is read with the branch, so a token-checked caller is enough here.
  const staffId = caller.kind === "staff" || caller.kind === "staffToken" ? caller.staffId : null;
  const target =
    opts.target && !staffId
      ? opts.target
      : await readIssueTarget(deps.db, company.schema_name, input, staffId, now);
  let actor: TicketActor = { staffId: null, counterId: null };
  let issuer = caller;
  if (staffId) {
    // The workplace read with the branch is the freshest word on the staff member's reach.
    const workplace = workplaceFromRow(company.id, target.scope);
    actor = { staffId, counterId: workplace.session?.counterId ?? null };
    issuer = workplace;
  }
  const source = requireTicketIssuer(issuer, input.branchId);
  const { branch, service } = checkTarget(target);
  const appointmentAt = input.appointmentAt ?? null;
  if (appointmentAt) assertBookable(appointmentAt, now, branch.booking_horizon_days);
  const at = appointmentAt ?? now;
  const day = businessDay(at, branch.time_zone);
  const exception = target.exceptions.find((e) => e.day === day) ?? null;
  // Reception may hand out a ticket whenever staff are there; kiosks and bookings follow hours.
  const check =
    source === "WALK_IN" && !appointmentAt && exception?.kind !== "CLOSED"
      ? ({ open: true } as const)
      : branchOpenAt(branch.weekly_hours, exception, at, branch.time_zone);
  if (!check.open) throw new AppError("BRANCH_CLOSED", check.why);
  const series = seriesFor({
    scheme: branch.number_scheme,
    source,
    serviceLetter: service.letter,
  });
  // Core refuses a series that is not one (and is the reference the SQL label is tested against).
  formatTicketNumber(series, 1);
  const status = appointmentAt ? TICKET_STATUS.BOOKED : TICKET_STATUS.WAITING;
  // Every booking, whoever makes it, holds its slot: the lock, then the count with the insert.
  const slot = appointmentAt
    ? await claimSlot(deps, company, input, appointmentAt, source, now, opts)
    : null;
  const quote = status === TICKET_STATUS.WAITING ? quoteOf(target.line, now) : null;
  return runQueueTransaction(
    deps,
    company,
    async (tx) => {
      if (slot) await slot.lock(tx.db);
      const { row, refused } = await insertNumberedTicket(
        tx.db,
        tx.schema,
        {
          branch_id: branch.id,
          service_id: service.id,
          day,
          series,
          source,
          status,
          priority: service.priority,
          queued_at: status === TICKET_STATUS.WAITING ? now : null,
          appointment_at: appointmentAt,
          customer_name: input.customerName ?? null,
          customer_phone: input.customerPhone ?? null,
          customer_email: input.customerEmail ?? null,
          language: input.language ?? null,
          quoted_wait_minutes: quote?.minutes ?? null,
          quoted_wait_low: quote?.lowMinutes ?? null,
          quoted_wait_high: quote?.highMinutes ?? null,
          token: createTicketToken(randomBytes(TICKET_TOKEN_BYTES)),
          created_at: now,
          updated_at: now,
        },
        { at: now, type: TICKET_EVENT.ISSUE, actor, data: { source } },
        branch.daily_ticket_limit,
        slot && { taken: slot.taken, capacity: slot.capacity },
      );
      if (refused === "SLOT_FULL") throw slot!.full();
      if (!row) {
        throw new AppError(
          "DAILY_LIMIT_REACHED",
          `This branch has issued its ${branch.daily_ticket_limit} tickets for the day; please come another day.`,
        );
      }
      const view = { ...row, service_name: service.name, counter_number: null };
      tx.facts.push(ticketFact(view, TICKET_EVENT.ISSUE, null, now));
      return view;
    },
    { singleStatement: !slot },
  );
}

/**
 * The wait quoted to a ticket issued now: what its holder first sees (the tracking view's
 * estimate with everyone waiting ahead), kept so reports can set it against the wait that
 * followed. None while nobody serves the service (that range is a guess, not a quote).
 */
function quoteOf(line: IssueTarget["line"], now: Date) {
  if (!line) return null;
  const wait = customerWait({
    now,
    peopleAhead: Number(line.waiting),
    operatorsServing: Number(line.serving),
    smoothedServiceSeconds: line.smoothed === null ? null : Number(line.smoothed),
    expectedServiceSeconds: line.duration_minutes * 60,
    recentCalls: etaCallsOf(line.calls),
  });
  return wait.noOperators ? null : wait;
}

async function claimSlot(
  deps: QueueDeps,
  company: CompanyRecord,
  input: IssueTicketInput,
  startsAt: Date,
  source: string,
  now: Date,
  opts: IssueTicketOptions,
): Promise<SlotClaim> {
  if (opts.slot) return opts.slot;
  if (!deps.bookings) throw new Error("issuing a booking needs the booking module's slot claims");
  const slot = { branchId: input.branchId, serviceId: input.serviceId, startsAt };
  // Bookings made remotely (the portal, the API) share the online cap.
  const online = source === "ONLINE" || source === "API";
  return deps.bookings.claim(company, { ...slot, online }, now);
}

/** The branch and service from the read, or the refusal a person can act on. */
function checkTarget(target: IssueTarget) {
  const { branch, service } = target;
  if (!branch) throw notFound("The branch");
  if (!service) throw notFound("The service");
  if (!service.is_active || !service.enabled) {
    throw new AppError(
      "SERVICE_NOT_OFFERED",
      `"${nameOf(service.name)}" is not offered at this branch; choose another service.`,
    );
  }
  if (branch.status === "CLOSED") {
    throw new AppError("BRANCH_CLOSED", "This branch is closed and does not issue tickets.");
  }
  return { branch, service };
}

function assertBookable(appointmentAt: Date, now: Date, horizonDays: number): void {
  if (appointmentAt.getTime() < now.getTime() - DEFAULT_APPOINTMENT_WINDOW.lateSeconds * 1000) {
    throw new AppError("VALIDATION_FAILED", "That appointment time has already passed.", {
      details: [
        { path: "appointmentAt", message: "Choose a time in the future.", code: "in_the_past" },
      ],
    });
  }
  // The horizon counts whole local days (core's slots reach the end of the last one); a day
  // of slack here keeps this rough guard from refusing a slot core offered that evening.
  if (appointmentAt.getTime() > now.getTime() + (horizonDays + 1) * 86_400_000) {
    throw new AppError("VALIDATION_FAILED", `Book at most ${horizonDays} days ahead.`, {
      details: [{ path: "appointmentAt", message: `At most ${horizonDays} days ahead.` }],
    });
  }
}
