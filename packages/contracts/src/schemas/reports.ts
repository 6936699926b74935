import { z } from "zod";
import { LIST_MAX, listOf } from "./answer-lists";
import { i18nTextSchema, ticketSourceSchema } from "./queue-views";
import { TEXT_MAX } from "./answer-text";

/** What a company's reports read: the report over a range, the live floor, staffing advice. */

const n = z.number();
const nn = z.number().nullable();
const kpis = {
  issued: n,
  checkedIn: n,
  entered: n,
  called: n,
  served: n,
  noShow: n,
  cancelled: n,
  expired: n,
  transferred: n,
  abandoned: n,
  abandonmentRate: nn.describe("Left unserved (cancelled, no-show, expired) ÷ entered the line"),
  waitAvgSeconds: nn,
  serviceAvgSeconds: nn,
  serviceLevel: nn.describe("Share of waits within the service's target wait"),
};

/** The report over a range (`GET /api/c/{slug}/admin/reports`). */
export const reportResponse = z.object({
  range: z.object({ from: z.string().max(TEXT_MAX.day), to: z.string().max(TEXT_MAX.day) }),
  totals: z.object(kpis),
  bySource: listOf(LIST_MAX.sources, z.object({ source: ticketSourceSchema, ...kpis })),
  wait: z.object({ count: n, p50: nn, p90: nn, p95: nn, histogram: listOf(LIST_MAX.histogram, n) }),
  service: z.object({ count: n, p50: nn, p90: nn, histogram: listOf(LIST_MAX.histogram, n) }),
  daily: listOf(LIST_MAX.days, z.object({ day: z.string().max(TEXT_MAX.day), ...kpis })),
  heatmap: listOf(LIST_MAX.heatmap, z.object({ weekday: n, hour: n, entered: n, served: n })),
  operators: listOf(
    LIST_MAX.staff,
    z.object({
      operatorId: z.string().max(TEXT_MAX.id),
      name: z.string().max(TEXT_MAX.name),
      served: n,
      noShow: n,
      serviceAvgSeconds: nn,
      waitAvgSeconds: nn,
      availableSeconds: n,
      idleSeconds: n,
      breakSeconds: n,
      awaySeconds: n,
    }),
  ),
  branches: listOf(
    LIST_MAX.branches,
    z.object({ branchId: z.string().max(TEXT_MAX.id), name: i18nTextSchema, ...kpis }),
  ),
  ratings: z.object({
    count: n,
    average: nn,
    distribution: listOf(LIST_MAX.stars, z.object({ stars: n, count: n })),
    comments: listOf(
      LIST_MAX.comments,
      z.object({
        stars: n,
        comment: z.string().max(TEXT_MAX.comment),
        createdAt: z.date(),
        ticket: z.string().max(TEXT_MAX.label),
        branchId: z.string().max(TEXT_MAX.id),
      }),
    ),
  }),
  appointments: z.object({ booked: n, checkedIn: n, late: n, missed: n, cancelled: n }),
  quotes: z
    .object({
      count: n.describe("Served tickets in the range that were quoted a wait at issue"),
      maeMinutes: nn.describe("Mean absolute error of the quoted wait, minutes"),
      biasMinutes: nn.describe("Mean (actual − quoted) wait, minutes"),
      withinRange: nn.describe("Share whose wait fell inside the quoted range"),
      underEstimated: nn.describe("Share who waited longer than the quoted range"),
    })
    .describe("Quoted vs actual: the wait quoted at issue against the wait that followed"),
});

export type ReportDto = z.infer<typeof reportResponse>;

/** The live floor: each branch's lines and who is at which counter now. */
export const floorResponse = z.object({
  at: z.date(),
  branches: listOf(
    LIST_MAX.branches,
    z.object({
      id: z.string().max(TEXT_MAX.id),
      name: i18nTextSchema,
      timeZone: z.string().max(TEXT_MAX.timeZone),
      services: listOf(
        LIST_MAX.services,
        z.object({
          id: z.string().max(TEXT_MAX.id),
          name: i18nTextSchema,
          letter: z.string().max(TEXT_MAX.letter),
          targetWaitMinutes: nn,
          waiting: n,
          longestWaitSeconds: nn,
          oldestQueuedAt: z.date().nullable(),
          servedToday: n,
          serviceLevel: nn,
          overTarget: z.boolean(),
        }),
      ),
      operators: listOf(
        LIST_MAX.staff,
        z.object({
          staffId: z.string().max(TEXT_MAX.id),
          name: z.string().max(TEXT_MAX.name),
          counter: nn,
          state: z.enum(["SERVING", "AVAILABLE", "BREAK", "AWAY"]),
          since: z.date(),
          ticket: z.string().max(TEXT_MAX.label).nullable(),
        }),
      ),
    }),
  ),
});

export type FloorDto = z.infer<typeof floorResponse>;

/** Operators needed per 15-minute interval of a typical day (Erlang C), one branch and service. */
export const staffingResponse = z.object({
  branchId: z.string().max(TEXT_MAX.id),
  serviceId: z.string().max(TEXT_MAX.id),
  days: n.describe("Days of the range averaged (those of the weekday, if one is asked)"),
  weekday: nn,
  goal: n.describe("Share of waits within the target planned for"),
  targetSeconds: n,
  targetFrom: z.enum(["request", "service", "default"]),
  handleSeconds: nn.describe("Mean measured service time over the range"),
  intervals: listOf(
    LIST_MAX.intervals,
    z.object({
      start: z.string().max(TEXT_MAX.time).describe("Local start of the 15-minute interval, HH:MM"),
      arrivals: n.describe("People entering the line in the interval, average per day"),
      handleSeconds: n,
      traffic: n.describe("Offered load, Erlangs"),
      agents: n.describe("Operators needed (Erlang C)"),
      serviceLevel: n.describe("Share of waits within the target with that many operators"),
      averageWaitSeconds: n,
    }),
  ),
  peakAgents: n,
});
export type StaffingDto = z.infer<typeof staffingResponse>;
