/**
 * A time zone as people name it, in their language, with its offset: "Oʻzbekiston standart vaqti,
 * GMT+5" rather than "Asia/Tashkent". Falls back to the IANA id where the browser has no name.
 */
export function zoneName(timeZone: string, locale: string, at = new Date()): string {
  const part = (style: "long" | "shortOffset", inLocale = locale) => {
    try {
      return new Intl.DateTimeFormat(inLocale, { timeZone, timeZoneName: style })
        .formatToParts(at)
        .find((p) => p.type === "timeZoneName")?.value;
    } catch {
      return undefined;
    }
  };
  const name = part("long");
  const offset = part("shortOffset");
  if (!name || !offset) return timeZone;
  // A browser without names in this language falls back to its own (often English): an Uzbek
  // page then says only "GMT+5" rather than "Uzbekistan Standard Time".
  const english = locale.startsWith("en") ? null : part("long", "en");
  if (name === english) return offset;
  // ICU writes the Uzbek okina as a quotation mark; the house spelling is ʻ.
  const spelled = locale.startsWith("uz") ? name.replace(/[‘’]/g, "ʻ") : name;
  // A zone with no name of its own (Etc/GMT-3) is named by its offset: "GMT+03:00" says no more.
  return /^(GMT|UTC)\b/.test(spelled) ? offset : `${spelled}, ${offset}`;
}
