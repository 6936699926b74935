/** The shapes the day simulator (day-sim.ts) takes and returns. */

export type SimService = {
  id: string;
  /** Mean of the lognormal service time, seconds. */
  meanServiceSeconds: number;
  /** Coefficient of variation of the service time. */
  cv: number;
  /** The duration configured in the service's settings (what the server falls back to). */
  expectedServiceSeconds: number;
};

export type SimOperator = {
  id: string;
  /** Services this operator may call (their skills). */
  serviceIds: string[];
  /**
   * On-duty windows in seconds from opening, sorted; the gaps between them are breaks. A window
   * that ends at or after closing stays open until the last customer is served. A window that
   * ends while the operator serves starts the break after that customer.
   */
  windows: Array<[number, number]>;
};

export type SimAppointment = { serviceId: string; atSeconds: number };

/** "call-next": the product's policy; "fifo": each operator's line in arrival order only. */
export type SimPolicy = "call-next" | "fifo";

export type SimDay = {
  seed: number;
  /** Seconds from opening to closing; walk-ins arrive in [0, close). */
  closeSeconds: number;
  services: SimService[];
  /** Walk-in arrivals per hour from opening, per service id. */
  arrivalsPerHour: Record<string, number[]>;
  /** Share of walk-ins with priority 1 (elderly, disabled). */
  priorityShare: number;
  /**
   * Mean patience of a waiting walk-in, seconds (exponential): who is not called by then leaves.
   * Unset: nobody leaves (and the day's draws are those of a day without patience).
   */
  patienceSeconds?: number;
  appointments: SimAppointment[];
  /** Share of booked appointments that never come. */
  noShowShare: number;
  /** Check-in relative to the booked time (negative: early), normal, seconds. */
  checkIn: { meanSeconds: number; sdSeconds: number };
  operators: SimOperator[];
  policy: SimPolicy;
  headStartSeconds?: Record<string, number>;
  /** How far back the per-service call history given to estimators reaches (default 1 h). */
  historySeconds?: number;
  /** The wall-clock time of opening (default 2026-01-05 09:00 Asia/Tashkent). */
  openAt?: Date;
};

export type RecentCall = { calledAtSeconds: number; waitSeconds: number };

/** What the server could know about a ticket's line at the moment the ticket is issued. */
export type Observation = {
  atSeconds: number;
  serviceId: string;
  /** Waiting tickets of the same service ahead in call-next order (core's countPeopleAhead). */
  peopleAhead: number;
  /** Operators with this service among their skills and on duty (not on a break). */
  operatorsServing: number;
  /** The service's smoothed service time (core's smoothServiceTime over finished services). */
  smoothedServiceSeconds: number | null;
  expectedServiceSeconds: number;
  /** Calls of this service within the history window, oldest first. */
  recentCalls: RecentCall[];
};

export type Quote = { seconds: number; lowSeconds: number; highSeconds: number };

/** An estimator as the simulator runs it: observation and wall-clock time in, a quote out. */
export type Quoter = (observation: Observation, now: Date) => Quote;

export type SimTicket = {
  id: string;
  serviceId: string;
  kind: "walk-in" | "appointment";
  priority: number;
  arrivalSeconds: number;
  appointmentSeconds: number | null;
  serviceSeconds: number;
  calledSeconds: number | null;
  endSeconds: number | null;
  operatorId: string | null;
  /** When the customer gave up waiting and left; null if called. */
  abandonedSeconds: number | null;
  observation: Observation;
  quotes: Record<string, Quote>;
};

export type SimResult = {
  tickets: SimTicket[];
  booked: number;
  noShows: number;
  /** Time the last customer finished, seconds from opening. */
  endSeconds: number;
};
