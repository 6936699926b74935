import { z } from "zod";
import { i18nOut, languagesSchema, uuidOf, idParams } from "../setup-common/fields";

export const PAIRING_CODE_TTL_MINUTES = 10;
/** Wrong codes one client address may enter per window before it must wait (per node). */
export const PAIRING_WRONG_CODES_PER_ADDRESS = 10;
export const PAIRING_WRONG_CODES_WINDOW_MINUTES = 10;

/**
 * What a kiosk shows: services (a subset of the branch's; empty = all), languages, printing, idle
 * reset, and whether it issues from reserved numbers while the server is away (off by default:
 * each reserved block its kiosk does not use leaves a gap in the day's numbers).
 */
export const kioskSettingsSchema = z.strictObject({
  serviceIds: z.array(uuidOf("service")).max(100).default([]),
  languages: languagesSchema.default(["uz", "ru", "en"]),
  autoPrint: z.boolean().default(true),
  idleResetSeconds: z
    .number()
    .int()
    .min(30, "Use 30 to 3600 seconds.")
    .max(3600, "Use 30 to 3600 seconds.")
    .default(300),
  offlineIssuing: z.boolean().default(false),
});

/** What a display board shows: languages, how many recent calls, spoken announcements. */
export const displaySettingsSchema = z.strictObject({
  languages: languagesSchema.default(["uz", "ru"]),
  historySize: z
    .number()
    .int()
    .min(1, "Show 1 to 20 calls.")
    .max(20, "Show 1 to 20 calls.")
    .default(6),
  voice: z.boolean().default(true),
});

export type KioskSettings = z.infer<typeof kioskSettingsSchema>;
export type DisplaySettings = z.infer<typeof displaySettingsSchema>;

const kindSchema = z.enum(["KIOSK", "DISPLAY"], "Choose KIOSK or DISPLAY.");
const nameSchema = z
  .string()
  .trim()
  .min(1, "Give the device a name.")
  .max(60, "Use at most 60 characters.");
// Checked against the device's kind in the service, which knows it.
const settingsInput = z.record(z.string(), z.unknown());

export const createDeviceBody = z.strictObject({
  branchId: uuidOf("branch"),
  kind: kindSchema,
  name: nameSchema.optional(),
  settings: settingsInput.default({}),
});
export type CreateDeviceInput = z.infer<typeof createDeviceBody>;

export const updateDeviceBody = z
  .strictObject({ name: nameSchema, settings: settingsInput })
  .partial();
export type UpdateDeviceInput = z.infer<typeof updateDeviceBody>;

export const listDevicesQuery = z.strictObject({
  branchId: uuidOf("branch").optional(),
  kind: kindSchema.optional(),
});

export const deviceStatusSchema = z.enum(["PENDING", "PAIRED", "EXPIRED", "REVOKED"]);

export const deviceSchema = z.object({
  id: z.string(),
  branchId: z.string(),
  kind: kindSchema,
  name: z.string(),
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
  pairingCode: z.string(),
  pairingExpiresAt: z.date(),
});

export const deviceIdParams = idParams("device");

export const pairBody = z.strictObject({
  code: z
    .string()
    .transform((c) => c.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code shown in the admin panel.")),
});

const branchRef = z.object({
  id: z.string(),
  slug: z.string(),
  code: z.string(),
  name: i18nOut,
  timeZone: z.string(),
});

export const deviceViewSchema = z.object({
  id: z.string(),
  kind: kindSchema,
  name: z.string(),
  branch: branchRef,
  settings: z.record(z.string(), z.unknown()),
});

export const pairedSchema = z.object({ deviceToken: z.string(), device: deviceViewSchema });

export const deviceMeSchema = z.object({
  device: deviceViewSchema,
  company: z.object({
    name: z.string(),
    slug: z.string(),
    logoUrl: z.string().nullable(),
    primaryColor: z.string().nullable(),
  }),
  services: z.array(
    z.object({ id: z.string(), letter: z.string(), name: i18nOut, durationMinutes: z.number() }),
  ),
});
