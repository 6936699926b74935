/** A date (YYYY-MM-DD) in a time zone; the browser's own when none is given or it is unknown. */
export function dayIn(at: Date, timeZone?: string): string {
  const format = (zone?: string) =>
    new Intl.DateTimeFormat("en-CA", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).format(at);
  try {
    return format(timeZone);
  } catch {
    return format();
  }
}

/**
 * The report's default range: the last seven days up to "today" — the latest today among the
 * branches' time zones and the browser's. Figures are kept by each branch's own day, and a branch
 * in Tashkent is past midnight five hours before a browser on UTC: a range ending on the
 * browser's today (in UTC, as it was) left out everything the branch did since its midnight.
 */
export function defaultReportRange(
  timeZones: readonly string[],
  now = new Date(),
): { from: string; to: string } {
  const to = [dayIn(now), ...timeZones.map((zone) => dayIn(now, zone))].sort().at(-1)!;
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - 6 * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}
