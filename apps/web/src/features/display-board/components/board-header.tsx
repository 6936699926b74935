import { useMemo } from "react";
import { cn } from "../../../lib/cn";
import { isLanguage, localeOf } from "../../../lib/i18n";
import { useNow } from "../../../lib/use-now";
import { useBoardText } from "../hooks/board-language";

type Props = {
  companyName: string;
  branchName: string;
  logoUrl: string | null;
  /** A company colour is set: the header wears it (the board's style maps indigo to it). */
  branded?: boolean;
  /** The branch's time zone: the hall clock shows local time whatever the TV is set to. */
  timeZone?: string;
};

function useClockFormat(lang: string, timeZone: string | undefined) {
  return useMemo(() => {
    const zone = timeZone ? { timeZone } : {};
    const time = new Intl.DateTimeFormat("en-GB", {
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      ...zone,
    });
    // Browsers ship thin Uzbek calendar data: Uzbek shows the numeric date people write.
    const day =
      lang === "uz" || !isLanguage(lang)
        ? new Intl.DateTimeFormat("ru-RU", {
            day: "2-digit",
            month: "2-digit",
            year: "numeric",
            ...zone,
          })
        : new Intl.DateTimeFormat(localeOf(lang), {
            weekday: "long",
            day: "numeric",
            month: "long",
            ...zone,
          });
    return { time: (d: Date) => time.format(d), day: (d: Date) => day.format(d) };
  }, [lang, timeZone]);
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? "")
    .join("");

/** Logo, company and branch on the left; a large clock and the date on the right. */
export function BoardHeader({ companyName, branchName, logoUrl, branded, timeZone }: Props) {
  const { primary } = useBoardText();
  const now = useNow(1000);
  const format = useClockFormat(primary, timeZone);
  const date = new Date(now);
  return (
    <header
      data-testid="board-header"
      className={cn(
        "flex h-[calc(var(--board-u)*13)] shrink-0 items-center justify-between gap-[2vw] border-b border-white/10 px-[3vw]",
        branded && "bg-indigo-600",
      )}
    >
      <div className="flex min-w-0 items-center gap-[1.5vw]">
        {logoUrl ? (
          <img
            src={logoUrl}
            alt=""
            className="h-[calc(var(--board-u)*9)] w-[calc(var(--board-u)*9)] shrink-0 rounded-xl bg-white object-contain p-[calc(var(--board-u)*0.6)]"
          />
        ) : (
          <span
            aria-hidden="true"
            className={cn(
              "flex h-[calc(var(--board-u)*9)] w-[calc(var(--board-u)*9)] shrink-0 items-center justify-center rounded-xl text-[calc(var(--board-u)*4)] font-bold",
              branded ? "bg-white/15 ring-2 ring-white/40" : "bg-indigo-600",
            )}
          >
            {initials(companyName)}
          </span>
        )}
        <div className="min-w-0">
          <p
            className="truncate text-[calc(var(--board-u)*4.4)] leading-tight font-bold"
            data-testid="board-company"
          >
            {companyName}
          </p>
          <p
            className={cn(
              "truncate text-[calc(var(--board-u)*3)] leading-tight",
              branded ? "text-white/85" : "text-slate-300",
            )}
            data-testid="board-branch"
          >
            {branchName}
          </p>
        </div>
      </div>
      <div className="shrink-0 text-right">
        <p
          className="text-[calc(var(--board-u)*8)] leading-none font-bold tabular-nums"
          data-testid="board-clock"
        >
          <time dateTime={date.toISOString()}>{format.time(date)}</time>
        </p>
        <p
          className={cn(
            "mt-[calc(var(--board-u)*0.5)] text-[calc(var(--board-u)*2.4)] first-letter:uppercase",
            branded ? "text-white/85" : "text-slate-300",
          )}
        >
          {format.day(date)}
        </p>
      </div>
    </header>
  );
}
