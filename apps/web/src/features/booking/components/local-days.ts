/** Calendar arithmetic on the branch's local days "YYYY-MM-DD" (no time zone involved). */
const DAY_MS = 86_400_000;

const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);

export const addDays = (day: string, n: number) =>
  new Date(ms(day) + n * DAY_MS).toISOString().slice(0, 10);

export const daysBetween = (from: string, to: string) => Math.round((ms(to) - ms(from)) / DAY_MS);

/** ISO weekday 1 (Monday) … 7 (Sunday) of a local day. */
export const isoWeekday = (day: string) => ((new Date(ms(day)).getUTCDay() + 6) % 7) + 1;

/** "01.12" — the short numeric day people write in Uzbekistan and Russia. */
export const shortDate = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}`;

/** "01.12.2026". */
export const longDate = (day: string) => `${shortDate(day)}.${day.slice(0, 4)}`;
