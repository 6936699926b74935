import { QUEUE_ERROR_CODE, QueueError } from "./errors";
import { TICKET_STATUS, type TicketStatus } from "./ticket-status";

/** A ticket as call-next sees it. */
export type CallCandidate = {
  id: string;
  serviceId: string;
  status: TicketStatus;
  /** Higher is served first. */
  priority: number;
  queuedAt: Date;
  /** Booked time for appointments; null for walk-ins. */
  appointmentAt: Date | null;
  /** Reserved for one operator (after a transfer to a person); null for anyone. */
  operatorId: string | null;
};

/** When a checked-in appointment counts as "due now", relative to its booked time. */
export type AppointmentWindow = {
  /** How early it becomes due (seconds before the booked time). */
  earlySeconds: number;
  /** How late it stays due (seconds after); later arrivals queue like walk-ins. */
  lateSeconds: number;
};

export const DEFAULT_APPOINTMENT_WINDOW: AppointmentWindow = {
  earlySeconds: 5 * 60,
  lateSeconds: 15 * 60,
};

/** Settings that shape the order, shared by call-next and position-in-line. */
export type OrderingContext = {
  now: Date;
  appointmentWindow?: AppointmentWindow;
  /**
   * Per-service head start in seconds: a ticket of a service with head start H ranks as if it
   * had queued H seconds earlier. Additive, not multiplicative, on purpose: a ticket can only be
   * overtaken by tickets queued less than (max head start − its own) after it, a bounded set,
   * so no service can starve another however busy it gets. Missing services get 0.
   */
  serviceHeadStartSeconds?: Readonly<Record<string, number>>;
};

export type CallNextContext = OrderingContext & {
  operatorId: string;
  /** Services this operator is assigned to. */
  serviceIds: readonly string[];
};

/** True when a checked-in appointment falls inside the due window at `now`. */
export function isAppointmentDue(
  appointmentAt: Date | null,
  now: Date,
  window: AppointmentWindow = DEFAULT_APPOINTMENT_WINDOW,
): boolean {
  if (appointmentAt === null) return false;
  const diff = appointmentAt.getTime() - now.getTime();
  return diff <= window.earlySeconds * 1000 && -diff <= window.lateSeconds * 1000;
}

function headStartMs(serviceId: string, ctx: OrderingContext): number {
  const seconds = ctx.serviceHeadStartSeconds?.[serviceId] ?? 0;
  if (!Number.isFinite(seconds)) {
    throw new QueueError(
      QUEUE_ERROR_CODE.INVALID_ARGUMENT,
      `Head start for ${serviceId} must be a number.`,
    );
  }
  return seconds * 1000;
}

function byNumber(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders two WAITING tickets (negative: `a` goes first). Due appointments first (earliest booked
 * time, then priority); then higher priority; then earliest head-start-adjusted queue time; then
 * earliest real queue time; then id, so the order is total and deterministic.
 */
export function compareCandidates(
  a: CallCandidate,
  b: CallCandidate,
  ctx: OrderingContext,
): number {
  const window = ctx.appointmentWindow ?? DEFAULT_APPOINTMENT_WINDOW;
  const aDue = isAppointmentDue(a.appointmentAt, ctx.now, window);
  const bDue = isAppointmentDue(b.appointmentAt, ctx.now, window);
  if (aDue !== bDue) return aDue ? -1 : 1;
  if (aDue && a.appointmentAt && b.appointmentAt) {
    const byAppointment = byNumber(a.appointmentAt.getTime(), b.appointmentAt.getTime());
    if (byAppointment !== 0) return byAppointment;
  }
  const byPriority = byNumber(b.priority, a.priority);
  if (byPriority !== 0) return byPriority;
  if (!aDue) {
    const aVirtual = a.queuedAt.getTime() - headStartMs(a.serviceId, ctx);
    const bVirtual = b.queuedAt.getTime() - headStartMs(b.serviceId, ctx);
    const byVirtual = byNumber(aVirtual, bVirtual);
    if (byVirtual !== 0) return byVirtual;
  }
  const byQueued = byNumber(a.queuedAt.getTime(), b.queuedAt.getTime());
  if (byQueued !== 0) return byQueued;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** True when this operator may call the ticket at all (waiting, its service, not reserved for another). */
export function isEligible(candidate: CallCandidate, ctx: CallNextContext): boolean {
  return (
    candidate.status === TICKET_STATUS.WAITING &&
    ctx.serviceIds.includes(candidate.serviceId) &&
    (candidate.operatorId === null || candidate.operatorId === ctx.operatorId)
  );
}

/** The eligible candidates in the order this operator should call them (a new array). */
export function rankCandidates(
  candidates: readonly CallCandidate[],
  ctx: CallNextContext,
): CallCandidate[] {
  return candidates.filter((c) => isEligible(c, ctx)).sort((a, b) => compareCandidates(a, b, ctx));
}

/** The ticket this operator should call next, or null when nobody is waiting for them. */
export function pickNext(
  candidates: readonly CallCandidate[],
  ctx: CallNextContext,
): CallCandidate | null {
  let best: CallCandidate | null = null;
  for (const candidate of candidates) {
    if (!isEligible(candidate, ctx)) continue;
    if (best === null || compareCandidates(candidate, best, ctx) < 0) best = candidate;
  }
  return best;
}

/**
 * The same order as SQL terms, for the server's single `… ORDER BY … FOR UPDATE SKIP LOCKED`
 * statement. `:now`, `:early`, `:late` and the head-start lookup are parameters.
 */
export const CALL_NEXT_ORDER_BY = [
  {
    term: "COALESCE(appointment_at BETWEEN :now - :late AND :now + :early, false)",
    direction: "DESC",
  },
  { term: "CASE WHEN <due> THEN appointment_at END", direction: "ASC NULLS LAST" },
  { term: "priority", direction: "DESC" },
  {
    term: "CASE WHEN NOT <due> THEN queued_at - head_start(service_id) END",
    direction: "ASC NULLS LAST",
  },
  { term: "queued_at", direction: "ASC" },
  { term: "id", direction: "ASC" },
] as const;
