import { randomBytes } from "node:crypto";
import {
  DEFAULT_APPOINTMENT_WINDOW,
  TICKET_STATUS,
  TICKET_TOKEN_BYTES,
  businessDay,
  createTicketToken,
  formatTicketNumber,
  seriesFor,
  type TicketSource,
} from "@equeue/core";
import type { I18nText } from "../../db/tables";
import { AppError, notFound } from "../../shared/app-error";
import type { CompanyRecord } from "../tenancy/company-directory";
import { branchOpenAt } from "./branch-hours";
import { runQueueTransaction, type QueueDeps, type QueueTx } from "./queue-transaction";
import { TICKET_EVENT, type TicketActor, type TicketView } from "./queue.types";
import { ticketFact } from "./ticket-transition";
import { insertTicketWithEvent, nextSeriesNumber, takeDailyQuota } from "./ticket.repository";

export type IssueTicketInput = {
  branchId: string;
  serviceId: string;
  source: TicketSource;
  customerName?: string | null;
  customerPhone?: string | null;
  /** A booked time: the ticket is BOOKED until the customer checks in. */
  appointmentAt?: Date | null;
};

export type IssueTicketOptions = {
  now?: Date;
  /** Staff member issuing it at reception, if any (for the event log). */
  actor?: TicketActor;
};

export const nameOf = (name: I18nText) => name.en ?? name.uz;

/**
 * The one way a ticket comes to exist — reception and operators now, kiosks and the portal
 * later. Numbers are per branch, per business day in the branch's time zone, per series.
 */
export async function issueTicket(
  deps: QueueDeps,
  company: CompanyRecord,
  input: IssueTicketInput,
  opts: IssueTicketOptions = {},
): Promise<TicketView> {
  const now = opts.now ?? new Date();
  return runQueueTransaction(deps, company, (tx) => issueInTransaction(tx, input, now, opts));
}

async function loadTarget(tx: QueueTx, input: IssueTicketInput) {
  const branch = await tx.db
    .selectFrom("branches")
    .selectAll()
    .where("id", "=", input.branchId)
    .executeTakeFirst();
  if (!branch) throw notFound("The branch");
  const service = await tx.db
    .selectFrom("services as s")
    .leftJoin("branch_services as bs", (join) =>
      join.onRef("bs.service_id", "=", "s.id").on("bs.branch_id", "=", branch.id),
    )
    .select(["s.id", "s.name", "s.letter", "s.priority", "s.is_active", "bs.enabled"])
    .where("s.id", "=", input.serviceId)
    .executeTakeFirst();
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

async function issueInTransaction(
  tx: QueueTx,
  input: IssueTicketInput,
  now: Date,
  opts: IssueTicketOptions,
): Promise<TicketView> {
  const { branch, service } = await loadTarget(tx, input);
  const appointmentAt = input.appointmentAt ?? null;
  if (appointmentAt) assertBookable(appointmentAt, now, branch.booking_horizon_days);
  const at = appointmentAt ?? now;
  const day = businessDay(at, branch.time_zone);
  const exception = await tx.db
    .selectFrom("branch_exceptions")
    .select(["kind", "opens_at", "closes_at"])
    .where("branch_id", "=", branch.id)
    .where("day", "=", day)
    .executeTakeFirst();
  // Reception may hand out a ticket whenever staff are there; kiosks and bookings follow hours.
  const check =
    input.source === "WALK_IN" && !appointmentAt && exception?.kind !== "CLOSED"
      ? ({ open: true } as const)
      : branchOpenAt(branch.weekly_hours, exception ?? null, at, branch.time_zone);
  if (!check.open) throw new AppError("BRANCH_CLOSED", check.why);
  if (branch.daily_ticket_limit !== null) {
    const ok = await takeDailyQuota(tx.db, branch.id, day, branch.daily_ticket_limit);
    if (!ok) {
      throw new AppError(
        "DAILY_LIMIT_REACHED",
        `This branch has issued its ${branch.daily_ticket_limit} tickets for the day; please come another day.`,
      );
    }
  }
  const series = seriesFor({
    scheme: branch.number_scheme,
    source: input.source,
    serviceLetter: service.letter,
  });
  const number = await nextSeriesNumber(tx.db, branch.id, day, series);
  const status = appointmentAt ? TICKET_STATUS.BOOKED : TICKET_STATUS.WAITING;
  const actor = opts.actor ?? { staffId: null, counterId: null };
  const row = await insertTicketWithEvent(
    tx.db,
    tx.schema,
    {
      branch_id: branch.id,
      service_id: service.id,
      day,
      series,
      number,
      label: formatTicketNumber(series, number),
      source: input.source,
      status,
      priority: service.priority,
      queued_at: status === TICKET_STATUS.WAITING ? now : null,
      appointment_at: appointmentAt,
      customer_name: input.customerName ?? null,
      customer_phone: input.customerPhone ?? null,
      token: createTicketToken(randomBytes(TICKET_TOKEN_BYTES)),
      created_at: now,
      updated_at: now,
    },
    { at: now, type: TICKET_EVENT.ISSUE, actor, data: { source: input.source } },
  );
  const view = { ...row, service_name: service.name, counter_number: null };
  tx.facts.push(ticketFact(view, TICKET_EVENT.ISSUE, null, now));
  return view;
}

function assertBookable(appointmentAt: Date, now: Date, horizonDays: number): void {
  if (appointmentAt.getTime() < now.getTime() - DEFAULT_APPOINTMENT_WINDOW.lateSeconds * 1000) {
    throw new AppError("VALIDATION_FAILED", "That appointment time has already passed.", {
      details: [{ path: "appointmentAt", message: "Choose a time in the future." }],
    });
  }
  if (appointmentAt.getTime() > now.getTime() + horizonDays * 86_400_000) {
    throw new AppError("VALIDATION_FAILED", `Book at most ${horizonDays} days ahead.`, {
      details: [{ path: "appointmentAt", message: `At most ${horizonDays} days ahead.` }],
    });
  }
}
