import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../../../components/ui/confirm-dialog";
import type { HoursPreview } from "../../api/types";
import { useFormatDay } from "../format-day";

/** Days named in the dialog; the rest are "and other days". */
const SHOWN_DAYS = 7;

type Props = {
  /** The server's answer about the change; the dialog is open while it is set. */
  preview: HoursPreview | null;
  title: string;
  description: string;
  /** The button that goes back to the change; "Back to the hours" unless given. */
  dismissLabel?: string;
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
};

/**
 * "These bookings fall outside the new hours": asked before a change of a branch's weekly hours
 * or time zone is saved, with the days the bookings are on. Saving cancels them (each customer
 * is told); going back keeps them and the form as it is.
 */
export function BookingsOutsideDialog({ preview, title, description, ...props }: Props) {
  const { t } = useTranslation();
  const formatDay = useFormatDay();
  const shown = preview?.days.slice(0, SHOWN_DAYS) ?? [];
  const counted = shown.reduce((n, d) => n + d.bookings, 0);
  return (
    <ConfirmDialog
      open={preview !== null}
      title={title}
      description={description}
      confirmLabel={t("setup.hours.outsideSave")}
      dismissLabel={props.dismissLabel ?? t("setup.hours.outsideBack")}
      tone="danger"
      pending={props.pending}
      onConfirm={props.onConfirm}
      onClose={props.onClose}
    >
      <ul className="mt-3 list-disc space-y-1 pl-5" data-testid="hours-outside-days">
        {shown.map((d) => (
          <li key={d.day}>
            {t("setup.hours.outsideDay", { day: formatDay(d.day), count: d.bookings })}
          </li>
        ))}
        {preview && counted < preview.bookingsOutside && (
          <li>{t("setup.hours.outsideMoreDays")}</li>
        )}
      </ul>
    </ConfirmDialog>
  );
}
