import { z } from "zod";
import { LIST_MAX, listOf } from "./answer-lists";
import { DEVICE_KIND, DEVICE_KINDS, DEVICE_STATUS } from "../device";
import { i18nTextSchema } from "./queue-views";
import { TEXT_MAX } from "./answer-text";

/**
 * What the server answers about paired devices: the admin panel's list, and what a kiosk or
 * board learns about itself. Settings travel as a plain record; their shape per kind is
 * `DeviceSettings` (the server checks it against the device's kind).
 */

export const deviceKindSchema = z.enum(DEVICE_KIND, `Choose ${DEVICE_KINDS.join(" or ")}.`);
export const deviceStatusSchema = z.enum(DEVICE_STATUS);

export const deviceSchema = z.object({
  id: z.string().max(TEXT_MAX.id),
  branchId: z.string().max(TEXT_MAX.id),
  kind: deviceKindSchema,
  name: z.string().max(TEXT_MAX.name),
  status: deviceStatusSchema,
  settings: z.record(z.string(), z.unknown()),
  pairingExpiresAt: z.date().nullable(),
  pairedAt: z.date().nullable(),
  lastSeenAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  createdAt: z.date(),
});
export type DeviceDto = z.infer<typeof deviceSchema>;

/** The code is shown only in this answer; the server keeps a hash. */
export const pairingCodeSchema = z.object({
  device: deviceSchema,
  pairingCode: z.string().max(TEXT_MAX.code),
  pairingExpiresAt: z.date(),
});
export type PairingCodeDto = z.infer<typeof pairingCodeSchema>;

const branchRef = z.object({
  id: z.string().max(TEXT_MAX.id),
  slug: z.string().max(TEXT_MAX.slug),
  code: z.string().max(TEXT_MAX.code),
  name: i18nTextSchema,
  timeZone: z.string().max(TEXT_MAX.timeZone),
});

/** What a paired device learns about itself. */
export const deviceViewSchema = z.object({
  id: z.string().max(TEXT_MAX.id),
  kind: deviceKindSchema,
  name: z.string().max(TEXT_MAX.name),
  branch: branchRef,
  settings: z.record(z.string(), z.unknown()),
});
export type DeviceViewDto = z.infer<typeof deviceViewSchema>;

/** The answer to a pairing code: the device's token (single use) and what it is. */
export const pairedSchema = z.object({
  deviceToken: z.string().max(TEXT_MAX.secret),
  device: deviceViewSchema,
});
export type PairedDto = z.infer<typeof pairedSchema>;

export const deviceMeSchema = z.object({
  device: deviceViewSchema,
  company: z.object({
    name: z.string().max(TEXT_MAX.name),
    slug: z.string().max(TEXT_MAX.slug),
    logoUrl: z.string().max(TEXT_MAX.path).nullable(),
    primaryColor: z.string().max(TEXT_MAX.color).nullable(),
  }),
  services: listOf(
    LIST_MAX.services,
    z.object({
      id: z.string().max(TEXT_MAX.id),
      letter: z.string().max(TEXT_MAX.letter),
      name: i18nTextSchema,
      durationMinutes: z.number(),
    }),
  ),
});
export type DeviceMeDto = z.infer<typeof deviceMeSchema>;
