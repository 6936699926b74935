import { useTranslation } from "react-i18next";
import { useLocalized } from "../../../../lib/localized";
import type { StaffBookingsCheck } from "../../api/types";
import { useFormatDay } from "../format-day";

/** Times named in full; the rest are "and more times". */
const SHOWN = 8;

/** The booked times an edit of a staff member leaves short of operators, as a list. */
export function ShortSlots({ check }: { check: StaffBookingsCheck }) {
  const { t } = useTranslation();
  const local = useLocalized();
  const formatDay = useFormatDay();
  const shown = check.slots.slice(0, SHOWN);
  return (
    <ul className="mt-3 list-disc space-y-1 pl-5" data-testid="short-slots">
      {shown.map((s) => (
        <li key={`${s.serviceId}:${s.day}:${s.time}`}>
          {t("setup.staff.shortSlot", {
            day: formatDay(s.day),
            time: s.time,
            service: local(s.serviceName),
            booked: s.booked,
            places: s.places,
          })}
        </li>
      ))}
      {check.slots.length > SHOWN && <li>{t("setup.staff.shortMore")}</li>}
    </ul>
  );
}
