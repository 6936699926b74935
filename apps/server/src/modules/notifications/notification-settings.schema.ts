import { NOTIFICATION_TRIGGERS, TEMPLATE_PLACEHOLDERS, unknownPlaceholders } from "@equeue/core";
import { notificationTriggerSchema } from "@equeue/contracts/schemas";
import { z } from "zod";
import { codedPattern } from "../../shared/validation-details";
import { patternBound } from "@equeue/contracts/schemas";

const hhmm = z
  .string()
  .regex(
    codedPattern(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "invalid_time"),
    "Use a time of day as HH:MM, e.g. 18:00.",
  )
  .meta(patternBound(5));

const languageSchema = z.enum(["uz", "ru", "en"]);

/**
 * How often one placeholder may stand in a text: a message needs its link or number once, maybe
 * twice; {link} 166 times rendered to 44 SMS segments, each paid for.
 */
export const MAX_PLACEHOLDER_USES = 2;

/** One text: empty means the default; an unknown {placeholder} is refused, and so is a repeated one. */
const templateText = z
  .string()
  .max(1000, "Keep a text within 1000 characters.")
  .superRefine((text, ctx) => {
    const bad = unknownPlaceholders(text);
    if (bad.length)
      ctx.addIssue({
        code: "custom",
        message: `Unknown placeholder ${bad.join(", ")}; use ${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(" ")}.`,
      });
    const uses = new Map<string, number>();
    for (const [, name] of text.matchAll(/\{(\w+)\}/g)) uses.set(name!, (uses.get(name!) ?? 0) + 1);
    const repeated = [...uses]
      .filter(([, n]) => n > MAX_PLACEHOLDER_USES)
      .map(([name]) => `{${name}}`);
    if (repeated.length)
      ctx.addIssue({
        code: "custom",
        message: `Use ${repeated.join(", ")} at most ${MAX_PLACEHOLDER_USES} times: each is filled in and every SMS segment is paid for.`,
      });
  });

const byLanguage = z.strictObject({
  uz: templateText.optional(),
  ru: templateText.optional(),
  en: templateText.optional(),
});

export const templatesBody = z.strictObject(
  Object.fromEntries(NOTIFICATION_TRIGGERS.map((t) => [t, byLanguage.optional()])) as Record<
    (typeof NOTIFICATION_TRIGGERS)[number],
    z.ZodOptional<typeof byLanguage>
  >,
);

const remindersSchema = z.strictObject({
  /** A reminder the day before at this branch time ("18:00"), or null for none. */
  dayBeforeAt: hhmm.nullable(),
  /** A reminder this many minutes before the appointment, or null for none. */
  minutesBefore: z
    .number()
    .int("Use whole minutes.")
    .min(5, "Use 5 to 2880 minutes.")
    .max(2880, "Use 5 to 2880 minutes.")
    .nullable(),
});

const quietHoursSchema = z.strictObject({ from: hhmm, to: hhmm }).nullable();

export const updateNotificationSettingsBody = z.strictObject({
  /** Replaces the company's own texts; a missing or empty one is the default. */
  templates: templatesBody.optional(),
  reminders: remindersSchema.optional(),
  quietHours: quietHoursSchema.optional(),
});
export type UpdateNotificationSettings = z.infer<typeof updateNotificationSettingsBody>;

// The answers (settings, preview) are a contract with the admin panel: defined once in
// @equeue/contracts.
export {
  notificationSettingsSchema,
  previewSchema,
  type NotificationSettingsDto,
} from "@equeue/contracts/schemas";

export const previewBody = z.strictObject({
  trigger: notificationTriggerSchema,
  language: languageSchema,
  /** The text being edited; absent or empty: the company's current text (or the default). */
  text: templateText.optional(),
});
