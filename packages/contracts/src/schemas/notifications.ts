import { z } from "zod";
import { LIST_MAX, listOf } from "./answer-lists";
import { NOTIFICATION_TRIGGERS } from "../notifications";
import { TEXT_MAX } from "./answer-text";

/**
 * What the web reads about notifications: a company's texts and reminders (admin panel), and
 * the channels that tell a ticket's holder or a signed-in customer (SMS, Telegram, web push).
 */

export const notificationTriggerSchema = z.enum(NOTIFICATION_TRIGGERS);

const template = () => z.string().max(TEXT_MAX.template);
const texts = z.object({ uz: template(), ru: template(), en: template() });

export const notificationSettingsSchema = z.object({
  placeholders: listOf(LIST_MAX.placeholders, z.string().max(TEXT_MAX.word)),
  templates: listOf(
    LIST_MAX.triggers,
    z.object({
      trigger: notificationTriggerSchema,
      defaults: texts,
      custom: z.object({
        uz: template().nullable(),
        ru: template().nullable(),
        en: template().nullable(),
      }),
    }),
  ),
  reminders: z.object({
    dayBeforeAt: z.string().max(TEXT_MAX.time).nullable(),
    minutesBefore: z.number().nullable(),
  }),
  quietHours: z
    .object({ from: z.string().max(TEXT_MAX.time), to: z.string().max(TEXT_MAX.time) })
    .nullable(),
});
export type NotificationSettingsDto = z.infer<typeof notificationSettingsSchema>;

export const previewSchema = z.object({
  /** The text as a customer reads it (Telegram, e-mail), with sample values. */
  text: z.string().max(TEXT_MAX.preview),
  /** The text as an SMS sends it (Uzbek apostrophes folded). */
  sms: z.string().max(TEXT_MAX.preview),
  encoding: z.enum(["GSM-7", "UCS-2"]),
  segments: z.number(),
  characters: z.number(),
});
export type NotificationPreviewDto = z.infer<typeof previewSchema>;

/** Which channels are on, for one ticket or for all of a customer's tickets. */
export const channelsSchema = z.object({
  sms: z.boolean(),
  telegram: z.boolean(),
  push: z.boolean(),
});
export type ChannelsDto = z.infer<typeof channelsSchema>;

/** Turns channels off or on; a channel left out stays as it is. */
export const channelsBody = z
  .strictObject({
    sms: z.boolean().optional(),
    telegram: z.boolean().optional(),
    push: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, "Name at least one channel.");
export type ChannelsInput = z.input<typeof channelsBody>;

export const channelsResponse = z.object({ on: channelsSchema });
export type ChannelsResponseDto = z.infer<typeof channelsResponse>;

/** A ticket's channels and what follows it now. */
export const ticketChannelsResponse = channelsResponse.extend({
  hasPhone: z.boolean(),
  telegramChats: z.number().int(),
  pushBrowsers: z.number().int(),
});
export type TicketChannelsDto = z.infer<typeof ticketChannelsResponse>;

export const pushKeyResponse = z.object({ publicKey: z.string().max(TEXT_MAX.secret) });
export type PushKeyDto = z.infer<typeof pushKeyResponse>;
export const pushSubscribedResponse = z.object({ subscribed: z.literal(true) });
export type PushSubscribedDto = z.infer<typeof pushSubscribedResponse>;
export const pushRemovedResponse = z.object({ removed: z.number().int() });
export type PushRemovedDto = z.infer<typeof pushRemovedResponse>;

export const telegramAvailabilityResponse = z.object({ available: z.boolean() });
export type TelegramAvailabilityDto = z.infer<typeof telegramAvailabilityResponse>;
/** A one-time t.me deep link that makes the opening chat follow a ticket. */
export const telegramLinkResponse = z.object({
  url: z.string().max(TEXT_MAX.url),
  expiresAt: z.date(),
});
export type TelegramLinkDto = z.infer<typeof telegramLinkResponse>;
