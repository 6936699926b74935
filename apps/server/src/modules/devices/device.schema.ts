import { deviceKindSchema } from "@equeue/contracts/schemas";
import {
  DEVICE_SETTINGS_DEFAULTS,
  DEVICE_SETTINGS_LIMITS,
  type DisplaySettings,
  type KioskSettings,
} from "@equeue/contracts";
import { z } from "zod";
import { languagesSchema, uuidOf, idParams } from "../setup-common";
import { SIX_DIGITS } from "../../shared/validation-details";

export const PAIRING_CODE_TTL_MINUTES = 10;
/** Wrong codes one client address may enter per window before it must wait (per node). */
export const PAIRING_WRONG_CODES_PER_ADDRESS = 10;
export const PAIRING_WRONG_CODES_WINDOW_MINUTES = 10;

/**
 * What a kiosk shows: services (a subset of the branch's; empty = all), languages, printing, idle
 * reset, and whether it issues from reserved numbers while the server is away (off by default:
 * each reserved block its kiosk does not use leaves a gap in the day's numbers).
 */
const kioskDefaults = DEVICE_SETTINGS_DEFAULTS.KIOSK;
const idle = DEVICE_SETTINGS_LIMITS.idleResetSeconds;
export const kioskSettingsSchema = z.strictObject({
  serviceIds: z.array(uuidOf("service")).max(100).default([]),
  languages: languagesSchema.default([...kioskDefaults.languages]),
  autoPrint: z.boolean().default(kioskDefaults.autoPrint),
  idleResetSeconds: z
    .number()
    .int()
    .min(idle.min, `Use ${idle.min} to ${idle.max} seconds.`)
    .max(idle.max, `Use ${idle.min} to ${idle.max} seconds.`)
    .default(kioskDefaults.idleResetSeconds),
  offlineIssuing: z.boolean().default(kioskDefaults.offlineIssuing),
}) satisfies z.ZodType<KioskSettings>;

/** What a display board shows: languages, how many recent calls, spoken announcements. */
const displayDefaults = DEVICE_SETTINGS_DEFAULTS.DISPLAY;
const history = DEVICE_SETTINGS_LIMITS.historySize;
export const displaySettingsSchema = z.strictObject({
  languages: languagesSchema.default([...displayDefaults.languages]),
  historySize: z
    .number()
    .int()
    .min(history.min, `Show ${history.min} to ${history.max} calls.`)
    .max(history.max, `Show ${history.min} to ${history.max} calls.`)
    .default(displayDefaults.historySize),
  voice: z.boolean().default(displayDefaults.voice),
}) satisfies z.ZodType<DisplaySettings>;

export type { DisplaySettings, KioskSettings };

const kindSchema = deviceKindSchema;
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

export const deviceIdParams = idParams("device");

export const pairBody = z.strictObject({
  code: z
    .string()
    .max(20, "Enter the 6-digit code shown in the admin panel.")
    .transform((c) => c.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(SIX_DIGITS, "Enter the 6-digit code shown in the admin panel.")),
});

// The answers (device list, pairing code, what a device learns about itself) are a contract
// with the web: defined once in @equeue/contracts.
export {
  deviceMeSchema,
  deviceSchema,
  deviceStatusSchema,
  deviceViewSchema,
  pairedSchema,
  pairingCodeSchema,
  type DeviceDto,
} from "@equeue/contracts/schemas";
