const pad = (n: number) => String(n).padStart(2, "0");

/** 24.11.2026, 09:05 — the everyday numeric form in Uzbekistan (in `timeZone` when given). */
export function formatNumeric(date: Date, withTime: boolean, timeZone?: string): string {
  if (timeZone) {
    const parts = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).formatToParts(date);
    const part = (type: Intl.DateTimeFormatPartTypes) =>
      parts.find((p) => p.type === type)?.value ?? "";
    const day = `${part("day")}.${part("month")}.${part("year")}`;
    return withTime ? `${day}, ${part("hour")}:${part("minute")}` : day;
  }
  const day = `${pad(date.getDate())}.${pad(date.getMonth() + 1)}.${date.getFullYear()}`;
  return withTime ? `${day}, ${pad(date.getHours())}:${pad(date.getMinutes())}` : day;
}
