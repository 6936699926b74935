import { useTranslation } from "react-i18next";
import { localeOf, isLanguage } from "../../../lib/i18n";
import { formatClock, useNow } from "../../../lib/use-now";

type Props = { companyName: string; branchName: string; logoUrl: string | null };

/** Logo, company and branch on the left; a large clock and the date on the right. */
export function BoardHeader({ companyName, branchName, logoUrl }: Props) {
  const { i18n } = useTranslation();
  const now = useNow(1000);
  const lang = isLanguage(i18n.language) ? i18n.language : "uz";
  const date = new Date(now);
  const day =
    lang === "uz"
      ? `${String(date.getDate()).padStart(2, "0")}.${String(date.getMonth() + 1).padStart(2, "0")}.${date.getFullYear()}`
      : new Intl.DateTimeFormat(localeOf(lang), {
          weekday: "long",
          day: "numeric",
          month: "long",
        }).format(date);
  return (
    <header className="flex h-[13vh] shrink-0 items-center justify-between gap-[2vw] border-b border-white/10 px-[3vw]">
      <div className="flex min-w-0 items-center gap-[1.5vw]">
        {logoUrl ? (
          <img
            src={logoUrl}
            alt=""
            className="h-[9vh] w-[9vh] shrink-0 rounded-xl bg-white object-contain p-[0.6vh]"
          />
        ) : null}
        <div className="min-w-0">
          <p className="truncate text-[4.4vh] leading-tight font-bold" data-testid="board-company">
            {companyName}
          </p>
          <p
            className="truncate text-[3vh] leading-tight text-slate-300"
            data-testid="board-branch"
          >
            {branchName}
          </p>
        </div>
      </div>
      <div className="shrink-0 text-right">
        <p className="text-[8vh] leading-none font-bold tabular-nums" data-testid="board-clock">
          <time dateTime={date.toISOString()}>{formatClock(now)}</time>
        </p>
        <p className="mt-[0.5vh] text-[2.4vh] text-slate-300 first-letter:uppercase">{day}</p>
      </div>
    </header>
  );
}
