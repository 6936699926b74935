import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../../components/ui/alert";
import { Button } from "../../../../components/ui/button";
import { useToast } from "../../../../components/ui/toast";
import { useErrorMessage } from "../../../../lib/errors";
import type { Branch } from "../../api/types";
import { useUpdateBranch } from "../../hooks/use-branches";
import { pathErrors, within } from "../form-errors";
import { FormSection } from "../form-section";
import { WeeklyHoursEditor } from "../weekly-hours/weekly-hours-editor";
import {
  fromDraft,
  hasProblems,
  toDraft,
  validateWeek,
  type WeekProblems,
} from "../weekly-hours/week-draft";

/** The weekly hours of an existing branch, saved on their own. */
export function BranchHoursPanel({ slug, branch }: { slug: string; branch: Branch }) {
  const { t } = useTranslation();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const update = useUpdateBranch(slug, branch.id);
  const [draft, setDraft] = useState(() => toDraft(branch.weeklyHours));
  const [problems, setProblems] = useState<WeekProblems>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const dirty =
    JSON.stringify(fromDraft(draft)) !== JSON.stringify(fromDraft(toDraft(branch.weeklyHours)));

  const save = async () => {
    setError(null);
    const found = validateWeek(draft);
    setProblems(found);
    if (hasProblems(found)) return;
    try {
      await update.mutateAsync({ weeklyHours: fromDraft(draft) });
      setServerErrors({});
      toast.show(t("setup.hours.saved"));
    } catch (e) {
      setServerErrors(within(pathErrors(e), "weeklyHours"));
      setError(errorMessage(e));
    }
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
        <Button onClick={() => void save()} loading={update.isPending} disabled={!dirty}>
          {t("setup.hours.save")}
        </Button>
      </div>
    </FormSection>
  );
}
