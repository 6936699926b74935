import { useTranslation } from "react-i18next";
import { Badge } from "../../../components/ui/badge";
import type { DayOpening, PublicBranch } from "../api/portal.api";

/** "Open now" or "Closed now", with today's hours beside it. */
export function OpenNowLine({ branch }: { branch: PublicBranch }) {
  const { t } = useTranslation();
  const hours = branch.today.hours;
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm text-zinc-700">
      <Badge tone={branch.openNow ? "green" : branch.breakUntil ? "amber" : "gray"} dot>
        {branch.openNow
          ? t("portal.openNow")
          : branch.breakUntil
            ? t("portal.onBreak", { time: branch.breakUntil })
            : t("portal.closedNow")}
      </Badge>
      <span>
        {hours
          ? t("portal.todayHours", { open: hours.open, close: hours.close })
          : t("portal.todayClosed")}
      </span>
    </p>
  );
}

function DayRow({ day, isToday }: { day: DayOpening; isToday: boolean }) {
  const { t } = useTranslation();
  const name = t(`portal.weekday.${day.weekday}` as "portal.weekday.1");
  return (
    <tr className={isToday ? "font-semibold text-zinc-900" : "text-zinc-700"}>
      <th scope="row" className="py-1 pr-3 text-left font-inherit">
        {name}
        {day.exception && (
          <span className="ml-1 text-xs font-normal text-amber-700">
            ({day.exception === "CLOSED" ? t("portal.holiday") : t("portal.shortDay")})
          </span>
        )}
      </th>
      <td className="py-1 text-right tabular-nums">
        {day.hours ? (
          <>
            {day.hours.open}–{day.hours.close}
            {day.hours.breaks.map((b) => (
              <span key={b.start} className="block text-xs font-normal text-zinc-500">
                {t("portal.breakAt", { start: b.start, end: b.end })}
              </span>
            ))}
          </>
        ) : (
          t("portal.dayClosed")
        )}
      </td>
    </tr>
  );
}

/** The branch's next seven days, holidays and short days included, today first. */
export function WeekHours({ week }: { week: DayOpening[] }) {
  const { t } = useTranslation();
  return (
    <table className="w-full text-sm">
      <caption className="mb-1 text-left text-sm font-semibold text-zinc-900">
        {t("portal.weekTitle")}
      </caption>
      <tbody>
        {week.map((day, i) => (
          <DayRow key={day.day} day={day} isToday={i === 0} />
        ))}
      </tbody>
    </table>
  );
}
