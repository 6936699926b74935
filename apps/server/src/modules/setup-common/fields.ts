import { SCREEN_LANGUAGES } from "@equeue/contracts";
import { z } from "zod";
import { OFFICE_PHONE } from "../../shared/validation-details";

/** Form fields that several set-up modules share. */

const optionalLang = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .optional()
    .transform((v) => (v ? v : undefined));

const dropEmpty = <T extends Record<string, string | undefined>>(t: T) =>
  Object.fromEntries(Object.entries(t).filter(([, v]) => v)) as T;

/** Text in Uzbek (required), Russian and English: `{ uz, ru?, en? }`. */
export const i18nText = (max: number, what = "the name") =>
  z
    .strictObject({
      uz: z
        .string()
        .trim()
        .min(1, `Enter ${what} in Uzbek.`)
        .max(max, `Use at most ${max} characters.`),
      ru: optionalLang(max),
      en: optionalLang(max),
    })
    .transform(dropEmpty);

/** Optional text in up to three languages; empty strings are dropped. */
export const i18nPartial = (max: number) =>
  z
    .strictObject({ uz: optionalLang(max), ru: optionalLang(max), en: optionalLang(max) })
    .transform(dropEmpty);

export const phoneSchema = z
  .string()
  .trim()
  .regex(OFFICE_PHONE, "Enter a phone number like +998 71 200 00 00.")
  .transform((v) => (v === "" ? null : v))
  .nullable();

const zoneShape = /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/;
const canonicalZones = new Map(
  [...Intl.supportedValuesOf("timeZone"), "UTC"].map((tz) => [tz.toLowerCase(), tz]),
);

/** The IANA spelling of a zone name in any case (`asia/tashkent` → `Asia/Tashkent`), or null. */
export function canonicalTimeZone(input: string): string | null {
  const tz = input.trim();
  if (!zoneShape.test(tz)) return null;
  const known = canonicalZones.get(tz.toLowerCase());
  if (known) return known;
  // An older alias the runtime still knows (Europe/Kiev, Etc/UTC): stored as its current name.
  try {
    return new Intl.DateTimeFormat("en", { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** An IANA time zone name that this runtime knows, e.g. Asia/Tashkent; stored in its IANA spelling. */
export const timeZoneSchema = z
  .string()
  .max(64, "Use an IANA time zone name such as Asia/Tashkent.")
  .transform((tz, ctx) => {
    const canonical = canonicalTimeZone(tz);
    if (canonical) return canonical;
    ctx.addIssue({
      code: "custom",
      message: `"${tz.trim().slice(0, 64)}" is not a known time zone; use an IANA name such as Asia/Tashkent.`,
      params: { code: "invalid_time_zone" },
    });
    return z.NEVER;
  })
  .meta({ description: "IANA time zone name, any case (stored as e.g. Asia/Tashkent)." });

export const languagesSchema = z
  .array(z.enum(SCREEN_LANGUAGES, "Languages are uz, uz-Cyrl, ru and en."))
  .min(1, "Choose at least one language.")
  .max(SCREEN_LANGUAGES.length)
  .transform((l) => [...new Set(l)]);

export const uuidOf = (what: string) => z.uuid(`This is not a valid ${what} id.`);

/** Path parameters of a company route with an `:id` (the `:slug` comes from the realm prefix). */
export const idParams = (what: string) => z.object({ slug: z.string(), id: uuidOf(what) });
