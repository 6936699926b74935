import { z } from "zod";
import { LANGUAGES } from "../language";
import { OPERATOR_STATUS, STAFF_ROLE } from "../staff";
import {
  TICKET_SOURCE,
  TICKET_STATUS,
  WAITING_LIST_OF_SOURCE,
  type WaitingListKey,
} from "../ticket";

/**
 * What the server answers (HTTP and socket) about the queue. The server serialises with these
 * schemas (they also make its OpenAPI document); the web reads their types through `Wire<…>`.
 */

export const i18nTextSchema = z.object({
  uz: z.string(),
  ru: z.string().optional(),
  en: z.string().optional(),
});

export const ticketStatusSchema = z.enum(TICKET_STATUS);
export const ticketSourceSchema = z.enum(TICKET_SOURCE);
export const operatorStatusSchema = z.enum(OPERATOR_STATUS);
export const languageSchema = z.enum(LANGUAGES);

/** A ticket as staff see it (names and phones included: staff serve these people). */
export const staffTicketSchema = z.object({
  id: z.string(),
  label: z.string(),
  status: ticketStatusSchema,
  source: ticketSourceSchema,
  branchId: z.string(),
  serviceId: z.string(),
  serviceName: i18nTextSchema,
  priority: z.number(),
  booked: z.boolean(),
  appointmentAt: z.date().nullable(),
  queuedAt: z.date().nullable(),
  calledAt: z.date().nullable(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  counterNumber: z.number().nullable(),
  operatorId: z.string().nullable(),
  reservedForOperatorId: z.string().nullable(),
  recallCount: z.number(),
  customerName: z.string().nullable(),
  customerPhone: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  transferredFrom: z.string().nullable(),
  /** For the printed QR code / tracking link. */
  trackingToken: z.string(),
});
export type StaffTicketDto = z.infer<typeof staffTicketSchema>;

export const sessionSchema = z.object({
  branchId: z.string(),
  counterId: z.string(),
  counterNumber: z.number(),
  status: operatorStatusSchema,
  reason: z.string().nullable(),
  since: z.date(),
});
export type SessionDto = z.infer<typeof sessionSchema>;

export const waitingListSchema = z.object({ total: z.number(), items: z.array(staffTicketSchema) });
export type WaitingListDto = z.infer<typeof waitingListSchema>;

export const workplaceSchema = z.object({
  operator: z.object({
    id: z.string(),
    name: z.string(),
    role: z.enum(STAFF_ROLE),
    status: operatorStatusSchema,
    session: sessionSchema.nullable(),
  }),
  branch: z
    .object({
      id: z.string(),
      name: i18nTextSchema,
      timeZone: z.string(),
      noShowGraceSeconds: z.number(),
    })
    .nullable(),
  services: z.array(z.object({ id: z.string(), name: i18nTextSchema, letter: z.string() })),
  current: staffTicketSchema.nullable(),
  /** One list per source, named by WAITING_LIST_OF_SOURCE. */
  waiting: z.object({
    [WAITING_LIST_OF_SOURCE.ONLINE]: waitingListSchema,
    [WAITING_LIST_OF_SOURCE.KIOSK]: waitingListSchema,
    [WAITING_LIST_OF_SOURCE.WALK_IN]: waitingListSchema,
  } satisfies Record<WaitingListKey, typeof waitingListSchema>),
  today: z.object({
    day: z.string().nullable(),
    served: z.number(),
    averageServiceSeconds: z.number().nullable(),
    waitingNow: z.number(),
  }),
  at: z.date(),
});
export type WorkplaceDto = z.infer<typeof workplaceSchema>;

/** One call as a display board shows it: no names, no phones. */
export const displayCallSchema = z.object({
  id: z.string(),
  label: z.string(),
  counterNumber: z.number(),
  serviceName: i18nTextSchema,
  calledAt: z.date(),
  recall: z.boolean(),
  spoken: z.object({ uz: z.string(), ru: z.string() }),
});
export type DisplayCallDto = z.infer<typeof displayCallSchema>;

export const waitingCountSchema = z.object({ serviceId: z.string(), waiting: z.number() });
export type WaitingCountDto = z.infer<typeof waitingCountSchema>;

export const displaySnapshotSchema = z.object({
  branch: z.object({ id: z.string(), name: i18nTextSchema }),
  company: z.object({
    name: z.string(),
    logoUrl: z.string().nullable(),
    /** Branding colour "#RRGGBB", or null: the board then keeps its own colours. */
    primaryColor: z.string().nullable(),
  }),
  services: z.array(
    z.object({ id: z.string(), name: i18nTextSchema, letter: z.string(), waiting: z.number() }),
  ),
  calls: z.array(displayCallSchema),
  at: z.date(),
});
export type DisplaySnapshotDto = z.infer<typeof displaySnapshotSchema>;

/** What the holder of a ticket's tracking token sees: its own ticket, nobody else's. */
export const trackingSchema = z.object({
  label: z.string(),
  status: ticketStatusSchema,
  serviceName: i18nTextSchema,
  branchName: i18nTextSchema,
  queuedAt: z.date().nullable(),
  appointmentAt: z.date().nullable(),
  calledAt: z.date().nullable(),
  counterNumber: z.number().nullable(),
  position: z.number().nullable(),
  peopleAhead: z.number().nullable(),
  estimate: z
    .object({
      minutes: z.number(),
      lowMinutes: z.number(),
      highMinutes: z.number(),
      noOperators: z.boolean(),
    })
    .nullable(),
  at: z.date(),
});
export type TrackingDto = z.infer<typeof trackingSchema>;

/** What a counter screen needs to know about its branch: counters, services, colleagues. */
export const branchDirectorySchema = z.object({
  branch: z.object({ id: z.string(), name: i18nTextSchema }).nullable(),
  counters: z.array(
    z.object({
      id: z.string(),
      number: z.number(),
      name: z.string().nullable(),
      occupiedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    }),
  ),
  services: z.array(z.object({ id: z.string(), name: i18nTextSchema, letter: z.string() })),
  operators: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      status: operatorStatusSchema,
      counterNumber: z.number().nullable(),
      serviceIds: z.array(z.string()),
    }),
  ),
});
export type BranchDirectoryDto = z.infer<typeof branchDirectorySchema>;
