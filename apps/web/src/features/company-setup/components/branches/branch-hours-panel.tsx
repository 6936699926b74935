import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../../components/ui/alert";
import { Button } from "../../../../components/ui/button";
import { useToast } from "../../../../components/ui/toast";
import { useErrorMessage } from "../../../../lib/errors";
import type { Branch, HoursPreview } from "../../api/types";
import { usePreviewHours, useUpdateBranch } from "../../hooks/use-branches";
import { pathErrors, within } from "../form-errors";
import { FormSection } from "../form-section";
import { LeaveGuard } from "../leave-guard";
import { BookingsOutsideDialog } from "./bookings-outside-dialog";
import { WeeklyHoursEditor } from "../weekly-hours/weekly-hours-editor";
import {
  fromDraft,
  hasProblems,
  toDraft,
  validateWeek,
  type WeekProblems,
} from "../weekly-hours/week-draft";

/**
 * The weekly hours of an existing branch, saved on their own. Before saving, the server says
 * which future bookings the new hours have no room for; if any, the admin confirms that they
 * are cancelled (each customer is told) or goes back to change the hours.
 */
export function BranchHoursPanel({ slug, branch }: { slug: string; branch: Branch }) {
  const { t } = useTranslation();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const update = useUpdateBranch(slug, branch.id);
  const preview = usePreviewHours(slug, branch.id);
  const [draft, setDraft] = useState(() => toDraft(branch.weeklyHours));
  const [problems, setProblems] = useState<WeekProblems>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [outside, setOutside] = useState<HoursPreview | null>(null);
  const dirty =
    JSON.stringify(fromDraft(draft)) !== JSON.stringify(fromDraft(toDraft(branch.weeklyHours)));

  const failed = (e: unknown) => {
    setServerErrors(within(pathErrors(e), "weeklyHours"));
    setError(errorMessage(e));
  };

  const commit = async () => {
    try {
      const saved = await update.mutateAsync({ weeklyHours: fromDraft(draft) });
      setServerErrors({});
      setOutside(null);
      toast.show(
        saved.cancelledBookings > 0
          ? t("setup.hours.savedCancelled", { count: saved.cancelledBookings })
          : t("setup.hours.saved"),
      );
    } catch (e) {
      setOutside(null);
      failed(e);
    }
  };

  const save = async () => {
    setError(null);
    const found = validateWeek(draft);
    setProblems(found);
    if (hasProblems(found)) return;
    let preflight: HoursPreview;
    try {
      preflight = await preview.mutateAsync({ weeklyHours: fromDraft(draft) });
    } catch (e) {
      return failed(e);
    }
    if (preflight.bookingsOutside > 0) setOutside(preflight);
    else await commit();
  };

  return (
    <FormSection
      title={t("setup.hours.title")}
      hint={t("setup.hours.timeZoneNote", { zone: branch.timeZone })}
    >
      {error && <Alert tone="error">{error}</Alert>}
      <WeeklyHoursEditor
        value={draft}
        onChange={(next) => {
          setDraft(next);
          if (hasProblems(problems)) setProblems(validateWeek(next));
        }}
        problems={problems}
        serverErrors={serverErrors}
      />
      <div className="flex items-center justify-end gap-3">
        {dirty && <span className="text-sm text-amber-700">{t("setup.common.unsaved")}</span>}
        <LeaveGuard when={dirty} />
        <Button
          onClick={() => void save()}
          loading={update.isPending || preview.isPending}
          disabled={!dirty}
        >
          {t("setup.hours.save")}
        </Button>
      </div>
      <BookingsOutsideDialog
        preview={outside}
        title={t("setup.hours.outsideTitle", { count: outside?.bookingsOutside ?? 0 })}
        description={t("setup.hours.outsideText")}
        pending={update.isPending}
        onConfirm={() => void commit()}
        onClose={() => setOutside(null)}
      />
    </FormSection>
  );
}
