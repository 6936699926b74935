import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../../components/ui/button";
import { cn } from "../../../../lib/cn";
import { WEEKDAYS, type TimeRange, type Weekday } from "../../api/types";
import { Switch } from "../switch";
import { TimeInput } from "./time-input";
import {
  copyMondayToWeekdays,
  nextBreak,
  validateWeek,
  type DayDraft,
  type DayProblems,
  type WeekDraft,
  type WeekProblems,
} from "./week-draft";

type Props = {
  value: WeekDraft;
  onChange: (next: WeekDraft) => void;
  /**
   * Problems found by `validateWeek` when the person tried to save. Overlaps and wrong order show
   * as soon as they are typed; an incomplete time only after a save attempt.
   */
  problems?: WeekProblems;
  /** Server messages keyed by path inside the hours: "1.close", "1.breaks.0". */
  serverErrors?: Record<string, string>;
  /** Day names for the "closed" state, e.g. "Day off" for a person, "Closed" for a branch. */
  closedLabel?: string;
};

/** Seven rows, Monday to Sunday: open or closed, opening hours, breaks; errors beside the day. */
export function WeeklyHoursEditor({ value, onChange, problems, serverErrors, closedLabel }: Props) {
  const { t } = useTranslation();
  const setDay = (d: Weekday, day: DayDraft) => onChange({ ...value, [d]: day });
  const live = validateWeek(value);

  return (
    <div data-testid="weekly-hours">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-zinc-500">{t("setup.hours.hint")}</p>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => onChange(copyMondayToWeekdays(value))}
          disabled={!value["1"].open}
        >
          {t("setup.hours.copyMonday")}
        </Button>
      </div>
      <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white">
        {WEEKDAYS.map((d) => (
          <DayRow
            key={d}
            weekday={d}
            day={value[d]}
            onChange={(day) => setDay(d, day)}
            problems={problems?.[d] ?? settled(live[d])}
            serverErrors={serverErrors}
            closedLabel={closedLabel ?? t("setup.hours.closed")}
          />
        ))}
      </ul>
    </div>
  );
}

type RowProps = {
  weekday: Weekday;
  day: DayDraft;
  onChange: (day: DayDraft) => void;
  problems?: DayProblems;
  serverErrors?: Record<string, string>;
  closedLabel: string;
};

function DayRow({ weekday, day, onChange, problems, serverErrors, closedLabel }: RowProps) {
  const { t } = useTranslation();
  const id = useId();
  const name = t(`setup.hours.days.${weekday}`);
  const problem = (p: DayProblems["hours"]) => (p ? t(`setup.hours.problems.${p}`) : null);
  const server = (path: string) => serverErrors?.[`${weekday}.${path}`] ?? null;
  const hoursError =
    problem(problems?.hours) ?? server("close") ?? server("open") ?? server("") ?? null;
  const setBreak = (i: number, b: TimeRange) =>
    onChange({ ...day, breaks: day.breaks.map((old, k) => (k === i ? b : old)) });
  const messages = [
    hoursError,
    ...day.breaks.map((_, i) => problem(problems?.breaks[i]) ?? server(`breaks.${i}`)),
  ].filter((m): m is string => Boolean(m));
  const invalidBreak = (i: number) => Boolean(problems?.breaks[i] ?? server(`breaks.${i}`));

  return (
    <li
      role="group"
      aria-labelledby={`${id}-name`}
      data-testid={`hours-day-${weekday}`}
      className={cn("px-3 py-2.5 sm:px-4", !day.open && "bg-zinc-50")}
    >
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="flex w-44 items-center gap-3">
          <Switch
            checked={day.open}
            onChange={(open) => onChange({ ...day, open })}
            label={t("setup.hours.openLabel", { day: name })}
          />
          <span id={`${id}-name`} className="font-medium text-zinc-900">
            {name}
          </span>
        </div>
        {day.open ? (
          <>
            <div className="flex items-center gap-2">
              <TimeInput
                value={day.from}
                onChange={(from) => onChange({ ...day, from })}
                label={t("setup.hours.fromLabel", { day: name })}
                invalid={Boolean(hoursError)}
              />
              <span aria-hidden="true" className="text-zinc-400">
                –
              </span>
              <TimeInput
                value={day.to}
                onChange={(to) => onChange({ ...day, to })}
                label={t("setup.hours.toLabel", { day: name })}
                invalid={Boolean(hoursError)}
              />
            </div>
            <div className="flex flex-wrap items-center gap-2">
              {day.breaks.map((b, i) => (
                <span
                  key={i}
                  className={cn(
                    "inline-flex items-center gap-1.5 rounded-md py-1 pr-1 pl-2 text-sm ring-1 ring-inset",
                    invalidBreak(i)
                      ? "bg-red-50 text-red-900 ring-red-300"
                      : "bg-amber-50 text-amber-900 ring-amber-200",
                  )}
                >
                  <span>{i === 0 ? t("setup.hours.lunch") : t("setup.hours.break")}</span>
                  <TimeInput
                    small
                    value={b.start}
                    onChange={(start) => setBreak(i, { ...b, start })}
                    label={t("setup.hours.breakStartLabel", { day: name, n: i + 1 })}
                    invalid={invalidBreak(i)}
                  />
                  <span aria-hidden="true">–</span>
                  <TimeInput
                    small
                    value={b.end}
                    onChange={(end) => setBreak(i, { ...b, end })}
                    label={t("setup.hours.breakEndLabel", { day: name, n: i + 1 })}
                    invalid={invalidBreak(i)}
                  />
                  <button
                    type="button"
                    onClick={() =>
                      onChange({ ...day, breaks: day.breaks.filter((_, k) => k !== i) })
                    }
                    aria-label={t("setup.hours.removeBreak", { day: name, n: i + 1 })}
                    className="flex size-7 items-center justify-center rounded text-lg leading-none text-zinc-500 hover:bg-white hover:text-red-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
                  >
                    ×
                  </button>
                </span>
              ))}
              {day.breaks.length < 3 && (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => onChange({ ...day, breaks: [...day.breaks, nextBreak(day)] })}
                  aria-label={t("setup.hours.addBreakLabel", { day: name })}
                >
                  +{" "}
                  {day.breaks.length === 0 ? t("setup.hours.addLunch") : t("setup.hours.addBreak")}
                </Button>
              )}
            </div>
          </>
        ) : (
          <span className="text-sm text-zinc-500">{closedLabel}</span>
        )}
      </div>
      {day.open &&
        messages.map((m, i) => (
          <p key={i} role="alert" className="mt-1.5 text-sm text-red-700">
            {m}
          </p>
        ))}
    </li>
  );
}

/** Live problems without "missing": a time being typed is not yet an error. */
function settled(p: DayProblems | undefined): DayProblems | undefined {
  if (!p) return undefined;
  const breaks = Object.fromEntries(Object.entries(p.breaks).filter(([, v]) => v !== "missing"));
  const hours = p.hours === "missing" ? undefined : p.hours;
  return hours || Object.keys(breaks).length ? { hours, breaks } : undefined;
}
