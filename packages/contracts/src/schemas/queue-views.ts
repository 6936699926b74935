import { z } from "zod";
import { LIST_MAX, listOf } from "./answer-lists";
import { LANGUAGES } from "../language";
import { OPERATOR_STATUS, STAFF_ROLE } from "../staff";
import {
  TICKET_SOURCE,
  TICKET_STATUS,
  WAITING_LIST_OF_SOURCE,
  type WaitingListKey,
} from "../ticket";
import { TEXT_MAX } from "./answer-text";

/**
 * What the server answers (HTTP and socket) about the queue. The server serialises with these
 * schemas (they also make its OpenAPI document); the web reads their types through `Wire<…>`.
 */

export const i18nTextSchema = z.object({
  uz: z.string().max(TEXT_MAX.translated),
  ru: z.string().max(TEXT_MAX.translated).optional(),
  en: z.string().max(TEXT_MAX.translated).optional(),
});

export const ticketStatusSchema = z.enum(TICKET_STATUS);
export const ticketSourceSchema = z.enum(TICKET_SOURCE);
export const operatorStatusSchema = z.enum(OPERATOR_STATUS);
export const languageSchema = z.enum(LANGUAGES);

/** A ticket as staff see it (names and phones included: staff serve these people). */
export const staffTicketSchema = z.object({
  id: z.string().max(TEXT_MAX.id),
  label: z.string().max(TEXT_MAX.label),
  status: ticketStatusSchema,
  source: ticketSourceSchema,
  branchId: z.string().max(TEXT_MAX.id),
  serviceId: z.string().max(TEXT_MAX.id),
  serviceName: i18nTextSchema,
  priority: z.number(),
  booked: z.boolean(),
  appointmentAt: z.date().nullable(),
  queuedAt: z.date().nullable(),
  calledAt: z.date().nullable(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  counterNumber: z.number().nullable(),
  operatorId: z.string().max(TEXT_MAX.id).nullable(),
  reservedForOperatorId: z.string().max(TEXT_MAX.id).nullable(),
  recallCount: z.number(),
  customerName: z.string().max(TEXT_MAX.personName).nullable(),
  customerPhone: z.string().max(TEXT_MAX.phone).nullable(),
  outcomeNote: z.string().max(TEXT_MAX.outcomeNote).nullable(),
  transferredFrom: z.string().max(TEXT_MAX.id).nullable(),
  /** For the printed QR code / tracking link. */
  trackingToken: z.string().max(TEXT_MAX.token),
});
export type StaffTicketDto = z.infer<typeof staffTicketSchema>;

export const sessionSchema = z.object({
  branchId: z.string().max(TEXT_MAX.id),
  counterId: z.string().max(TEXT_MAX.id),
  counterNumber: z.number(),
  status: operatorStatusSchema,
  reason: z.string().max(TEXT_MAX.message).nullable(),
  since: z.date(),
});
export type SessionDto = z.infer<typeof sessionSchema>;

export const waitingListSchema = z.object({
  total: z.number(),
  items: listOf(LIST_MAX.waiting, staffTicketSchema),
});
export type WaitingListDto = z.infer<typeof waitingListSchema>;

export const workplaceSchema = z.object({
  operator: z.object({
    id: z.string().max(TEXT_MAX.id),
    name: z.string().max(TEXT_MAX.name),
    role: z.enum(STAFF_ROLE),
    status: operatorStatusSchema,
    session: sessionSchema.nullable(),
    /** The counter the admin gave this operator: where a session starts unless another is chosen. */
    defaultCounterId: z.string().max(TEXT_MAX.id).nullable(),
  }),
  branch: z
    .object({
      id: z.string().max(TEXT_MAX.id),
      name: i18nTextSchema,
      timeZone: z.string().max(TEXT_MAX.timeZone),
      noShowGraceSeconds: z.number(),
    })
    .nullable(),
  services: listOf(
    LIST_MAX.services,
    z.object({
      id: z.string().max(TEXT_MAX.id),
      name: i18nTextSchema,
      letter: z.string().max(TEXT_MAX.letter),
    }),
  ),
  current: staffTicketSchema.nullable(),
  /** One list per source, named by WAITING_LIST_OF_SOURCE. */
  waiting: z.object({
    [WAITING_LIST_OF_SOURCE.ONLINE]: waitingListSchema,
    [WAITING_LIST_OF_SOURCE.KIOSK]: waitingListSchema,
    [WAITING_LIST_OF_SOURCE.WALK_IN]: waitingListSchema,
  } satisfies Record<WaitingListKey, typeof waitingListSchema>),
  today: z.object({
    day: z.string().max(TEXT_MAX.day).nullable(),
    served: z.number(),
    averageServiceSeconds: z.number().nullable(),
    waitingNow: z.number(),
  }),
  at: z.date(),
});
export type WorkplaceDto = z.infer<typeof workplaceSchema>;

/** One call as a display board shows it: no names, no phones. */
export const displayCallSchema = z.object({
  id: z.string().max(TEXT_MAX.callId),
  label: z.string().max(TEXT_MAX.label),
  counterNumber: z.number(),
  serviceName: i18nTextSchema,
  calledAt: z.date(),
  recall: z.boolean(),
  spoken: z.object({ uz: z.string().max(TEXT_MAX.spoken), ru: z.string().max(TEXT_MAX.spoken) }),
});
export type DisplayCallDto = z.infer<typeof displayCallSchema>;

export const waitingCountSchema = z.object({
  serviceId: z.string().max(TEXT_MAX.id),
  waiting: z.number(),
});
export type WaitingCountDto = z.infer<typeof waitingCountSchema>;

export const displaySnapshotSchema = z.object({
  branch: z.object({ id: z.string().max(TEXT_MAX.id), name: i18nTextSchema }),
  company: z.object({
    name: z.string().max(TEXT_MAX.name),
    logoUrl: z.string().max(TEXT_MAX.path).nullable(),
    /** Branding colour "#RRGGBB", or null: the board then keeps its own colours. */
    primaryColor: z.string().max(TEXT_MAX.color).nullable(),
  }),
  services: listOf(
    LIST_MAX.services,
    z.object({
      id: z.string().max(TEXT_MAX.id),
      name: i18nTextSchema,
      letter: z.string().max(TEXT_MAX.letter),
      waiting: z.number(),
    }),
  ),
  calls: listOf(LIST_MAX.recentCalls, displayCallSchema),
  at: z.date(),
});
export type DisplaySnapshotDto = z.infer<typeof displaySnapshotSchema>;

/** What the holder of a ticket's tracking token sees: its own ticket, nobody else's. */
export const trackingSchema = z.object({
  label: z.string().max(TEXT_MAX.label),
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
  branch: z.object({ id: z.string().max(TEXT_MAX.id), name: i18nTextSchema }).nullable(),
  counters: listOf(
    LIST_MAX.countersPerBranch,
    z.object({
      id: z.string().max(TEXT_MAX.id),
      number: z.number(),
      name: z.string().max(TEXT_MAX.name).nullable(),
      occupiedBy: z
        .object({ id: z.string().max(TEXT_MAX.id), name: z.string().max(TEXT_MAX.name) })
        .nullable(),
    }),
  ),
  services: listOf(
    LIST_MAX.services,
    z.object({
      id: z.string().max(TEXT_MAX.id),
      name: i18nTextSchema,
      letter: z.string().max(TEXT_MAX.letter),
    }),
  ),
  operators: listOf(
    LIST_MAX.staff,
    z.object({
      id: z.string().max(TEXT_MAX.id),
      name: z.string().max(TEXT_MAX.name),
      status: operatorStatusSchema,
      counterNumber: z.number().nullable(),
      serviceIds: listOf(LIST_MAX.staffServices, z.string().max(TEXT_MAX.id)),
    }),
  ),
});
export type BranchDirectoryDto = z.infer<typeof branchDirectorySchema>;
