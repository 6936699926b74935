import { z } from "zod";
import { LIST_MAX, listOf } from "./answer-lists";
import { SCREEN_LANGUAGES } from "../language";
import { i18nTextSchema } from "./queue-views";
import { TEXT_MAX } from "./answer-text";

/** What a paired kiosk reads: its snapshot, the tickets it issues, check-ins, offline numbers. */

/** Why a service cannot be chosen at the kiosk now. */
export const kioskClosedReason = z.enum(["CLOSED_TODAY", "OUTSIDE_HOURS", "DAILY_LIMIT"]);
export type KioskClosedReason = z.infer<typeof kioskClosedReason>;

export const waitSchema = z.object({
  minutes: z.number(),
  lowMinutes: z.number(),
  highMinutes: z.number(),
  noOperators: z.boolean().describe("Nobody serves this line now; the range uses its set duration"),
});

export const kioskServiceSchema = z.object({
  id: z.string().max(TEXT_MAX.id),
  letter: z.string().max(TEXT_MAX.letter),
  ticketSeries: z
    .string()
    .max(TEXT_MAX.letter)
    .describe(
      "What a ticket of this service taken here starts with (K-012): the service's letter, or the source's where the branch numbers by source",
    ),
  name: i18nTextSchema,
  durationMinutes: z.number(),
  waiting: z.number().describe("People waiting now"),
  operatorsServing: z.number().describe("Operators at their counter for this service now"),
  wait: waitSchema,
  open: z.boolean(),
  closedReason: kioskClosedReason.nullable(),
  closedMessage: z
    .string()
    .max(TEXT_MAX.message)
    .nullable()
    .describe("The reason in English, for logs and support"),
});

export const kioskSnapshotSchema = z.object({
  company: z.object({
    name: z.string().max(TEXT_MAX.name),
    logoUrl: z.string().max(TEXT_MAX.path).nullable(),
    primaryColor: z.string().max(TEXT_MAX.color).nullable(),
  }),
  branch: z.object({
    id: z.string().max(TEXT_MAX.id),
    name: i18nTextSchema,
    timeZone: z.string().max(TEXT_MAX.timeZone),
  }),
  settings: z.object({
    languages: listOf(LIST_MAX.languages, z.enum(SCREEN_LANGUAGES)),
    autoPrint: z.boolean(),
    idleResetSeconds: z.number(),
    offlineIssuing: z.boolean().describe("Issue from reserved numbers while the server is away"),
  }),
  services: listOf(LIST_MAX.services, kioskServiceSchema),
  at: z.date(),
});

export type KioskSnapshotDto = z.infer<typeof kioskSnapshotSchema>;
export type KioskServiceDto = z.infer<typeof kioskServiceSchema>;
export type WaitRangeDto = z.infer<typeof waitSchema>;

export const kioskTicketSchema = z.object({
  ticket: z.object({
    id: z.string().max(TEXT_MAX.id),
    label: z.string().max(TEXT_MAX.label),
    token: z
      .string()
      .max(TEXT_MAX.token)
      .describe("The tracking token: the ticket's page is /t/{token}"),
    trackPath: z.string().max(TEXT_MAX.path),
    serviceName: i18nTextSchema,
    branchName: i18nTextSchema,
    issuedAt: z.date(),
    peopleAhead: z.number(),
    wait: waitSchema,
  }),
});

export type KioskTicketDto = z.infer<typeof kioskTicketSchema>;

/** A booking checked in at the kiosk: where its holder stands now. */
export const kioskCheckInSchema = z.object({
  ticket: z.object({
    label: z.string().max(TEXT_MAX.label),
    status: z.enum(["WAITING"]),
    trackPath: z.string().max(TEXT_MAX.path),
    serviceName: i18nTextSchema,
    branchName: i18nTextSchema,
    appointmentAt: z.date(),
    localTime: z
      .string()
      .max(TEXT_MAX.time)
      .describe("The appointment in the branch's local time, HH:MM"),
    late: z.boolean().describe("Checked in after the window: it joined the line as a walk-in"),
    peopleAhead: z.number(),
    wait: waitSchema,
  }),
});

export type KioskCheckInDto = z.infer<typeof kioskCheckInSchema>;

/** The kiosk's reserved numbers for issuing while the server is away. */
export const offlineBlockSchema = z.object({
  day: z
    .string()
    .max(TEXT_MAX.day)
    .describe("The branch's business day the numbers are for, YYYY-MM-DD"),
  ranges: listOf(
    LIST_MAX.services,
    z.object({
      series: z.string().max(TEXT_MAX.letter),
      serviceIds: listOf(LIST_MAX.services, z.string().max(TEXT_MAX.id)).describe(
        "The kiosk's services numbered in this series",
      ),
      from: z.number().int(),
      to: z.number().int(),
      proof: z.string().max(TEXT_MAX.proof).describe("Send back with each ticket from this range"),
      tokens: listOf(LIST_MAX.offlineTokens, z.string().max(TEXT_MAX.token)).describe(
        "The tracking token of each number, from `from` on",
      ),
    }),
  ),
});

export const offlineSyncResultSchema = z.object({
  results: listOf(
    LIST_MAX.offlineResults,
    z.object({
      series: z.string().max(TEXT_MAX.letter),
      number: z.number(),
      status: z.enum(["CREATED", "DUPLICATE", "REFUSED"]),
      label: z.string().max(TEXT_MAX.label).nullable(),
      reason: z.string().max(TEXT_MAX.message).nullable(),
    }),
  ),
});

export type OfflineBlockDto = z.infer<typeof offlineBlockSchema>;
export type OfflineSyncResultDto = z.infer<typeof offlineSyncResultSchema>;
