// Generated from E-Queue public API 1.0.0 (/api/v1/openapi.json) by
// apps/server/scripts/v1-client.ts: do not edit; run `npm run gen:client`.
export type ErrorBody = {
  error: {
    code: string;
    message: string;
    details?: Array<{
      /** The field, e.g. `name.uz` or `branches.0.branchId` */
      path: string;
      /** What is wrong with the field, stable for programs and translations; `params` gives the bounds of too_short/too_long/too_small/too_big/too_few/too_many */
      code:
        | "required"
        | "too_short"
        | "too_long"
        | "too_small"
        | "too_big"
        | "too_few"
        | "too_many"
        | "invalid_type"
        | "invalid_choice"
        | "invalid_phone"
        | "invalid_email"
        | "invalid_url"
        | "invalid_id"
        | "invalid_date"
        | "invalid_time"
        | "invalid_time_zone"
        | "invalid_colour"
        | "invalid_slug"
        | "invalid_code"
        | "invalid_format"
        | "unknown_field"
        | "unreadable_text"
        | "taken"
        | "not_found"
        | "listed_twice"
        | "ends_before_start"
        | "outside_hours"
        | "overlaps"
        | "no_working_time"
        | "closed_day"
        | "in_the_past"
        | "other_branch"
        | "invalid";
      /** The same in English, saying what to change */
      message: string;
      params?: {
        min?: number;
        max?: number;
      };
    }>;
  };
};
export type ListBranchesResponse = {
  items: Array<{
    id: string;
    slug: string;
    /** Text in Uzbek (always), Russian and English (when given) */
    name: {
      uz: string;
      ru?: string;
      en?: string;
    };
    address: {
      uz?: string;
      ru?: string;
      en?: string;
    };
    phone: string | null;
    timeZone: string;
    openNow: boolean;
    closedReason: string | null;
  }>;
};
export type ListBranchServicesPath = {
  branchId: string;
};
export type ListBranchServicesResponse = {
  branch: {
    id: string;
    slug: string;
    /** Text in Uzbek (always), Russian and English (when given) */
    name: {
      uz: string;
      ru?: string;
      en?: string;
    };
    address: {
      uz?: string;
      ru?: string;
      en?: string;
    };
    phone: string | null;
    timeZone: string;
    openNow: boolean;
    closedReason: string | null;
  };
  services: Array<{
    id: string;
    letter: string;
    /** Text in Uzbek (always), Russian and English (when given) */
    name: {
      uz: string;
      ru?: string;
      en?: string;
    };
    durationMinutes: number;
    /** People waiting now */
    waiting: number;
    /** Operators at their counter for this service now */
    operatorsServing: number;
    /** The wait a ticket taken now would be quoted */
    wait: {
      minutes: number;
      lowMinutes: number;
      highMinutes: number;
      /** Nobody serves the service now: the range is a rough guess */
      noOperators: boolean;
    };
    /** Whether a time can be booked (see the slots) */
    bookable: boolean;
  }>;
};
export type IssueTicketBody = {
  branchId: string;
  serviceId: string;
  /** The customer's Uzbek mobile number, for their SMS */
  phone?: string;
  name?: string;
  /** The language of the customer's SMS and Telegram messages; uz-Cyrl is Uzbek in Cyrillic */
  language?: "uz" | "uz-Cyrl" | "ru" | "en";
};
export type IssueTicketResponse = {
  id: string;
  /** The printed number, e.g. A-012 */
  label: string;
  status:
    | "BOOKED"
    | "WAITING"
    | "CALLED"
    | "SERVING"
    | "COMPLETED"
    | "NO_SHOW"
    | "CANCELLED"
    | "TRANSFERRED"
    | "EXPIRED";
  source: "ONLINE" | "KIOSK" | "WALK_IN" | "API";
  branchId: string;
  serviceId: string;
  /** The customer's live page for the ticket */
  trackUrl: string;
  queuedAt: string | null;
  appointmentAt: string | null;
  calledAt: string | null;
  counterNumber: number | null;
  peopleAhead: number | null;
  /** While waiting: the wait from now */
  estimate: {
    minutes: number;
    lowMinutes: number;
    highMinutes: number;
    /** Nobody serves the service now: the range is a rough guess */
    noOperators: boolean;
  } | null;
};
export type GetTicketPath = {
  ticketId: string;
};
export type GetTicketResponse = {
  id: string;
  /** The printed number, e.g. A-012 */
  label: string;
  status:
    | "BOOKED"
    | "WAITING"
    | "CALLED"
    | "SERVING"
    | "COMPLETED"
    | "NO_SHOW"
    | "CANCELLED"
    | "TRANSFERRED"
    | "EXPIRED";
  source: "ONLINE" | "KIOSK" | "WALK_IN" | "API";
  branchId: string;
  serviceId: string;
  /** The customer's live page for the ticket */
  trackUrl: string;
  queuedAt: string | null;
  appointmentAt: string | null;
  calledAt: string | null;
  counterNumber: number | null;
  peopleAhead: number | null;
  /** While waiting: the wait from now */
  estimate: {
    minutes: number;
    lowMinutes: number;
    highMinutes: number;
    /** Nobody serves the service now: the range is a rough guess */
    noOperators: boolean;
  } | null;
};
export type ListSlotsPath = {
  branchId: string;
};
export type ListSlotsQuery = {
  serviceId: string;
  from?: string;
  to?: string;
};
export type ListSlotsResponse = {
  branchId: string;
  serviceId: string;
  timeZone: string;
  firstDay: string;
  lastDay: string;
  slots: Array<{
    startsAt: string;
    endsAt: string;
    localDate: string;
    localTime: string;
    capacity: number;
    /** Places left */
    available: number;
  }>;
};
export type CreateBookingBody = {
  branchId: string;
  serviceId: string;
  startsAt: string;
  phone: string;
  name?: string;
  email?: string;
  /** The language of the customer's SMS and Telegram messages; uz-Cyrl is Uzbek in Cyrillic */
  language?: "uz" | "uz-Cyrl" | "ru" | "en";
};
export type CreateBookingResponse = {
  ticketId: string;
  label: string;
  status:
    | "BOOKED"
    | "WAITING"
    | "CALLED"
    | "SERVING"
    | "COMPLETED"
    | "NO_SHOW"
    | "CANCELLED"
    | "TRANSFERRED"
    | "EXPIRED";
  startsAt: string;
  endsAt: string;
  localDate: string;
  localTime: string;
  /** Typed at a kiosk of the branch to check in */
  checkInCode: string;
  trackUrl: string;
};
export type CancelBookingPath = {
  ticketId: string;
};
export type CancelBookingResponse = {
  ticketId: string;
  label: string;
  status:
    | "BOOKED"
    | "WAITING"
    | "CALLED"
    | "SERVING"
    | "COMPLETED"
    | "NO_SHOW"
    | "CANCELLED"
    | "TRANSFERRED"
    | "EXPIRED";
  startsAt: string;
  endsAt: string;
  localDate: string;
  localTime: string;
  /** Typed at a kiosk of the branch to check in */
  checkInCode: string;
  trackUrl: string;
};
export type GetReportQuery = {
  from: string;
  to: string;
  branchId?: string;
  format?: "json" | "csv";
};
export type GetReportResponse = {
  range: {
    from: string;
    to: string;
  };
  totals: {
    issued: number;
    checkedIn: number;
    entered: number;
    called: number;
    served: number;
    noShow: number;
    cancelled: number;
    expired: number;
    transferred: number;
    abandoned: number;
    /** Left unserved (cancelled, no-show, expired) ÷ entered */
    abandonmentRate: number | null;
    waitAvgSeconds: number | null;
    serviceAvgSeconds: number | null;
    /** Share of waits within the service's target wait */
    serviceLevel: number | null;
  };
  bySource: Array<{
    source: "ONLINE" | "KIOSK" | "WALK_IN" | "API";
    issued: number;
    checkedIn: number;
    entered: number;
    called: number;
    served: number;
    noShow: number;
    cancelled: number;
    expired: number;
    transferred: number;
    abandoned: number;
    /** Left unserved (cancelled, no-show, expired) ÷ entered */
    abandonmentRate: number | null;
    waitAvgSeconds: number | null;
    serviceAvgSeconds: number | null;
    /** Share of waits within the service's target wait */
    serviceLevel: number | null;
  }>;
  wait: {
    count: number;
    p50: number | null;
    p90: number | null;
    p95: number | null;
  };
  service: {
    count: number;
    p50: number | null;
    p90: number | null;
  };
  daily: Array<{
    day: string;
    issued: number;
    checkedIn: number;
    entered: number;
    called: number;
    served: number;
    noShow: number;
    cancelled: number;
    expired: number;
    transferred: number;
    abandoned: number;
    /** Left unserved (cancelled, no-show, expired) ÷ entered */
    abandonmentRate: number | null;
    waitAvgSeconds: number | null;
    serviceAvgSeconds: number | null;
    /** Share of waits within the service's target wait */
    serviceLevel: number | null;
  }>;
  branches: Array<{
    branchId: string;
    /** Text in Uzbek (always), Russian and English (when given) */
    name: {
      uz: string;
      ru?: string;
      en?: string;
    };
    issued: number;
    checkedIn: number;
    entered: number;
    called: number;
    served: number;
    noShow: number;
    cancelled: number;
    expired: number;
    transferred: number;
    abandoned: number;
    /** Left unserved (cancelled, no-show, expired) ÷ entered */
    abandonmentRate: number | null;
    waitAvgSeconds: number | null;
    serviceAvgSeconds: number | null;
    /** Share of waits within the service's target wait */
    serviceLevel: number | null;
  }>;
  appointments: {
    booked: number;
    checkedIn: number;
    late: number;
    missed: number;
    cancelled: number;
  };
  ratings: {
    count: number;
    average: number | null;
  };
};

/** A refusal of the API, in its one error shape. */
export class EQueueApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.error.message);
  }
}

export type ClientOptions = {
  /** The platform's address, e.g. https://e-queue.uz */
  baseUrl: string;
  /** One of the company's API keys (eqk_…). */
  apiKey: string;
  /** A fetch to use instead of the global one. */
  fetch?: typeof fetch;
};

async function send(
  o: ClientOptions,
  method: string,
  path: string,
  query: Record<string, unknown> | undefined,
  body: unknown,
): Promise<unknown> {
  const url = new URL(o.baseUrl.replace(/\/$/, "") + path);
  for (const [k, v] of Object.entries(query ?? {}))
    if (v !== undefined) url.searchParams.set(k, String(v));
  const res = await (o.fetch ?? fetch)(url, {
    method,
    headers: {
      authorization: `Bearer ${o.apiKey}`,
      ...(body !== undefined && { "content-type": "application/json" }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  // The report also comes as CSV (format=csv): then its text.
  if (!/json/.test(res.headers.get("content-type") ?? "")) {
    if (!res.ok) throw new Error(`E-Queue answered ${res.status}`);
    return res.text();
  }
  const data: unknown = await res.json();
  if (!res.ok) throw new EQueueApiError(res.status, data as ErrorBody);
  return data;
}

/** The public API of one company, with one of its API keys. */
export function createEQueueClient(o: ClientOptions) {
  return {
    /** The company's branches that serve customers, with whether they are open now. Needs an API key with the `queue:read` scope. */
    listBranches: () =>
      send(o, "GET", `/api/v1/branches`, undefined, undefined) as Promise<ListBranchesResponse>,
    /** A branch's services with people waiting, operators serving and the wait now. Needs an API key with the `queue:read` scope. */
    listBranchServices: (a: { path: ListBranchServicesPath }) =>
      send(
        o,
        "GET",
        `/api/v1/branches/${encodeURIComponent(a.path.branchId)}/services`,
        undefined,
        undefined,
      ) as Promise<ListBranchServicesResponse>,
    /** Issue a ticket now (source API); the answer has its live page. Needs an API key with the `tickets:write` scope. */
    issueTicket: (a: { body: IssueTicketBody }) =>
      send(o, "POST", `/api/v1/tickets`, undefined, a.body) as Promise<IssueTicketResponse>,
    /** A ticket's status, place in line and wait now. Needs an API key with the `queue:read` scope. */
    getTicket: (a: { path: GetTicketPath }) =>
      send(
        o,
        "GET",
        `/api/v1/tickets/${encodeURIComponent(a.path.ticketId)}`,
        undefined,
        undefined,
      ) as Promise<GetTicketResponse>,
    /** The bookable times of a service at a branch, with the places left in each. Needs an API key with the `queue:read` scope. */
    listSlots: (a: { path: ListSlotsPath; query: ListSlotsQuery }) =>
      send(
        o,
        "GET",
        `/api/v1/branches/${encodeURIComponent(a.path.branchId)}/slots`,
        a.query,
        undefined,
      ) as Promise<ListSlotsResponse>,
    /** Book one of the offered times (a BOOKED ticket, source API). Needs an API key with the `bookings:write` scope. */
    createBooking: (a: { body: CreateBookingBody }) =>
      send(o, "POST", `/api/v1/bookings`, undefined, a.body) as Promise<CreateBookingResponse>,
    /** Cancel a booking; its place is free again. Needs an API key with the `bookings:write` scope. */
    cancelBooking: (a: { path: CancelBookingPath }) =>
      send(
        o,
        "POST",
        `/api/v1/bookings/${encodeURIComponent(a.path.ticketId)}/cancel`,
        undefined,
        undefined,
      ) as Promise<CancelBookingResponse>,
    /** Queue figures over local days (JSON, or CSV with format=csv), from roll-ups. Needs an API key with the `reports:read` scope. */
    getReport: (a: { query: GetReportQuery }) =>
      send(o, "GET", `/api/v1/reports`, a.query, undefined) as Promise<GetReportResponse>,
  };
}
