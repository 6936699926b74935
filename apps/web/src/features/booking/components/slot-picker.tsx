import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { Spinner } from "../../../components/ui/spinner";
import { cn } from "../../../lib/cn";
import { useErrorMessage } from "../../../lib/errors";
import { useZoneName } from "../../../lib/format";
import type { BookingSlot } from "../api/booking.api";
import { useSlots } from "../hooks/use-booking";
import { addDays, daysBetween, isoWeekday, shortDate } from "./local-days";

type SlotPickerProps = {
  slug: string;
  branchSlug: string;
  serviceId: string;
  selected: BookingSlot | null;
  onSelect: (slot: BookingSlot) => void;
  /** A time not to offer (the booking being moved). */
  exceptStartsAt?: string;
  /** The level of the step headings, one below the heading the picker sits under. */
  headingLevel: 2 | 3 | 4;
  /** The day to open on (a booking being moved opens on its own day), else the first free. */
  initialDay?: string;
};

const WEEK = 7;
/** A day with more times than this is chosen hour first, then the time within the hour. */
const HOURS_FROM = 24;

/** Day (the branch's own calendar, a week at a time) → the day's times with the places left. */
export function SlotPicker(props: SlotPickerProps) {
  const { t } = useTranslation();
  const zoneName = useZoneName();
  const Heading = `h${props.headingLevel}` as const;
  const errorMessage = useErrorMessage();
  const [weekStart, setWeekStart] = useState<string | null>(props.initialDay ?? null);
  const [day, setDay] = useState<string | null>(props.initialDay ?? null);
  const [hour, setHour] = useState<string | null>(null);
  const slots = useSlots(props.slug, {
    branchSlug: props.branchSlug,
    serviceId: props.serviceId,
    from: weekStart,
    to: weekStart && addDays(weekStart, WEEK - 1),
  });
  if (slots.isPending) return <Spinner />;
  if (slots.isError) return <Alert tone="error">{errorMessage(slots.error)}</Alert>;
  const { firstDay, lastDay, branch } = slots.data;
  const start = weekStart ?? firstDay;
  const days = Array.from({ length: WEEK }, (_, i) => addDays(start, i)).filter(
    (d) => daysBetween(d, lastDay) >= 0 && daysBetween(firstDay, d) >= 0,
  );
  const byDay = new Map<string, BookingSlot[]>();
  for (const s of slots.data.slots) {
    if (s.startsAt === props.exceptStartsAt) continue;
    byDay.set(s.localDate, [...(byDay.get(s.localDate) ?? []), s]);
  }
  const chosenDay = day ?? days.find((d) => byDay.get(d)?.some((s) => s.available > 0)) ?? null;
  const dayTimes = chosenDay ? (byDay.get(chosenDay) ?? []) : [];
  // A short service gives a long day of times (a 5-minute desk: over a hundred): on a phone the
  // hour comes first, then the hour's times, instead of a page of buttons to scroll through.
  const byHour = new Map<string, BookingSlot[]>();
  if (dayTimes.length > HOURS_FROM) {
    for (const s of dayTimes) {
      const h = s.localTime.slice(0, 2);
      byHour.set(h, [...(byHour.get(h) ?? []), s]);
    }
  }
  const chosenHour =
    byHour.size === 0
      ? null
      : hour && byHour.has(hour)
        ? hour
        : ([...byHour].find(([, list]) => list.some((s) => s.available > 0))?.[0] ?? null);
  const times = chosenHour ? (byHour.get(chosenHour) ?? []) : dayTimes;
  return (
    <div className="space-y-4" data-testid="slot-picker">
      <section>
        <div className="mb-2 flex items-center justify-between gap-2">
          <Heading className="font-semibold text-zinc-900">{t("booking.stepDay")}</Heading>
          <div className="flex gap-1">
            <Button
              variant="ghost"
              aria-label={t("booking.prevWeek")}
              disabled={daysBetween(firstDay, start) <= 0}
              onClick={() => {
                setWeekStart(addDays(start, -WEEK));
                setDay(null);
              }}
            >
              ←
            </Button>
            <Button
              variant="ghost"
              aria-label={t("booking.nextWeek")}
              disabled={daysBetween(addDays(start, WEEK), lastDay) < 0}
              onClick={() => {
                setWeekStart(addDays(start, WEEK));
                setDay(null);
              }}
            >
              →
            </Button>
          </div>
        </div>
        <div className="grid grid-cols-3 gap-2 sm:grid-cols-4">
          {days.map((d) => {
            const free = (byDay.get(d) ?? []).reduce((n, s) => n + s.available, 0);
            return (
              <button
                key={d}
                type="button"
                onClick={() => {
                  setDay(d);
                  setHour(null);
                }}
                aria-pressed={d === chosenDay}
                disabled={free === 0}
                className={cn(
                  // px-1: "Воскресенье" must fit a third of a 390 px phone.
                  "min-h-12 rounded-lg border px-1 py-1 text-sm",
                  d === chosenDay
                    ? "border-indigo-600 bg-indigo-600 text-white"
                    : "border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-50",
                  free === 0 && "cursor-not-allowed opacity-50",
                )}
              >
                <span className="block text-[13px] font-medium sm:text-sm">
                  {d === firstDay
                    ? t("booking.today")
                    : t(`portal.weekday.${isoWeekday(d)}` as "portal.weekday.1")}
                </span>
                <span className="block">{shortDate(d)}</span>
              </button>
            );
          })}
        </div>
        {days.length === 0 && <p className="text-sm text-zinc-600">{t("booking.noDays")}</p>}
        {/* Every day greyed: say so, and where to go, rather than leave a dead end. */}
        {days.length > 0 && !days.some((d) => byDay.get(d)?.some((s) => s.available > 0)) && (
          <p className="mt-3 text-sm text-zinc-700" role="status" data-testid="slot-week-full">
            {daysBetween(addDays(start, WEEK), lastDay) < 0
              ? t("booking.noneLeft")
              : t("booking.weekFull")}
          </p>
        )}
      </section>
      {chosenDay && (
        <section>
          <Heading className="mb-2 font-semibold text-zinc-900">{t("booking.stepTime")}</Heading>
          {byHour.size > 0 && (
            <p className="mb-2 text-sm text-zinc-600" aria-hidden="true">
              {t("booking.stepHour")}
            </p>
          )}
          {byHour.size > 0 && (
            <div
              className="mb-3 grid grid-cols-5 gap-2"
              role="group"
              aria-label={t("booking.stepHour")}
              data-testid="slot-hours"
            >
              {[...byHour].map(([h, list]) => {
                const free = list.some((s) => s.available > 0);
                return (
                  <button
                    key={h}
                    type="button"
                    onClick={() => setHour(h)}
                    aria-pressed={h === chosenHour}
                    disabled={!free}
                    className={cn(
                      "min-h-11 rounded-lg border text-base font-semibold tabular-nums",
                      h === chosenHour
                        ? "border-indigo-600 bg-indigo-600 text-white"
                        : "border-zinc-300 bg-white text-zinc-900 hover:bg-zinc-50",
                      !free && "cursor-not-allowed opacity-50",
                    )}
                  >
                    {`${h}:00`}
                  </button>
                );
              })}
            </div>
          )}
          {times.length === 0 ? (
            <p className="text-sm text-zinc-600">{t("booking.noSlots")}</p>
          ) : (
            <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4" data-testid="slot-grid">
              {times.map((s) => (
                <li key={s.startsAt}>
                  <button
                    type="button"
                    disabled={s.available === 0}
                    aria-pressed={props.selected?.startsAt === s.startsAt}
                    onClick={() => props.onSelect(s)}
                    className={cn(
                      "min-h-12 w-full rounded-lg border px-2 py-1 text-center",
                      props.selected?.startsAt === s.startsAt
                        ? "border-indigo-600 bg-indigo-600 text-white"
                        : "border-zinc-300 bg-white text-zinc-900 hover:bg-zinc-50",
                      s.available === 0 && "cursor-not-allowed bg-zinc-100 text-zinc-400",
                    )}
                  >
                    <span className="block text-base font-semibold">{s.localTime}</span>
                    <span className="block text-xs">
                      {s.available === 0
                        ? t("booking.full")
                        : t("booking.places", { count: s.available })}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-2 text-xs text-zinc-500">
            {t("booking.branchTime", { zone: zoneName(branch.timeZone) })}
          </p>
        </section>
      )}
    </div>
  );
}
