import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Badge } from "../../../../components/ui/badge";
import { Button } from "../../../../components/ui/button";
import { ConfirmDialog } from "../../../../components/ui/confirm-dialog";
import { Field } from "../../../../components/ui/field";
import { Input } from "../../../../components/ui/input";
import { Select } from "../../../../components/ui/select";
import { useToast } from "../../../../components/ui/toast";
import type { BranchException, ExceptionKind } from "../../api/types";
import { useExceptionCommands, useExceptions } from "../../hooks/use-branches";
import { FormSection } from "../form-section";
import { useFormatDay } from "../format-day";
import { useSetupError } from "../use-setup-error";
import { TimeInput } from "../weekly-hours/time-input";

/** Holidays and short days: a list, an add form and delete with confirmation. */
export function BranchExceptions({ slug, branchId }: { slug: string; branchId: string }) {
  const { t } = useTranslation();
  const formatDay = useFormatDay();
  const list = useExceptions(slug, branchId);
  const { add, remove } = useExceptionCommands(slug, branchId);
  const explain = useSetupError();
  const toast = useToast();
  const [day, setDay] = useState("");
  const [kind, setKind] = useState<ExceptionKind>("CLOSED");
  const [opensAt, setOpensAt] = useState("09:00");
  const [closesAt, setClosesAt] = useState("14:00");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [deleting, setDeleting] = useState<BranchException | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!day) next.day = t("common.required");
    else if (day < todayIso()) next.day = t("setup.exceptions.dayPast");
    else if (day > twoYearsAhead()) next.day = t("setup.exceptions.dayTooFar");
    const isTime = (v: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v);
    if (kind === "SHORT_DAY" && !(isTime(opensAt) && isTime(closesAt)))
      next.closesAt = t("setup.hours.problems.missing");
    else if (kind === "SHORT_DAY" && opensAt >= closesAt)
      next.closesAt = t("setup.hours.problems.closeBeforeOpen");
    setErrors(next);
    if (Object.keys(next).length) return;
    try {
      const added = await add.mutateAsync({
        day,
        kind,
        ...(kind === "SHORT_DAY" ? { opensAt, closesAt } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      // The day's bookings it has no room for were cancelled and their customers told.
      toast.show(
        added.cancelledBookings > 0
          ? t("setup.exceptions.addedCancelled", { count: added.cancelledBookings })
          : t("setup.exceptions.added"),
      );
      setDay("");
      setNote("");
    } catch (e) {
      const { fields, message } = explain(e, { day: t("setup.exceptions.dayTaken") });
      setErrors(Object.keys(fields).length ? fields : { form: message });
    }
  };

  const items = list.data ?? [];
  return (
    <FormSection title={t("setup.exceptions.title")} hint={t("setup.exceptions.hint")}>
      <form
        noValidate
        onSubmit={submit}
        className="grid items-start gap-3 md:grid-cols-[auto_auto_1fr_auto]"
      >
        <Field
          id="exception-day"
          label={t("setup.exceptions.day")}
          error={errors.day}
          hint={day ? formatDay(day) : undefined}
        >
          <Input
            id="exception-day"
            type="date"
            value={day}
            invalid={Boolean(errors.day)}
            min={todayIso()}
            max={twoYearsAhead()}
            onChange={(e) => setDay(e.target.value)}
            className="w-44!"
          />
        </Field>
        <Field id="exception-kind" label={t("setup.exceptions.kind")}>
          <Select
            id="exception-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value === "SHORT_DAY" ? "SHORT_DAY" : "CLOSED")}
            className="w-48!"
          >
            <option value="CLOSED">{t("setup.exceptions.CLOSED")}</option>
            <option value="SHORT_DAY">{t("setup.exceptions.SHORT_DAY")}</option>
          </Select>
        </Field>
        <div className="grid gap-3 sm:grid-cols-[auto_1fr]">
          {kind === "SHORT_DAY" && (
            <Field
              id="exception-opensAt"
              label={t("setup.exceptions.hours")}
              error={errors.closesAt ?? errors.opensAt}
            >
              <div className="flex items-center gap-2">
                <TimeInput
                  id="exception-opensAt"
                  value={opensAt}
                  onChange={setOpensAt}
                  label={t("setup.exceptions.opensAt")}
                  invalid={Boolean(errors.opensAt)}
                />
                <span aria-hidden="true">–</span>
                <TimeInput
                  value={closesAt}
                  onChange={setClosesAt}
                  label={t("setup.exceptions.closesAt")}
                  invalid={Boolean(errors.closesAt)}
                />
              </div>
            </Field>
          )}
          <Field id="exception-note" label={t("setup.exceptions.note")} error={errors.note}>
            <Input
              id="exception-note"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={t("setup.exceptions.notePlaceholder")}
            />
          </Field>
        </div>
        <Button type="submit" loading={add.isPending} className="md:mt-6.5">
          {t("setup.exceptions.add")}
        </Button>
        {errors.form && (
          <p role="alert" className="text-sm text-red-700 md:col-span-4">
            {errors.form}
          </p>
        )}
      </form>
      {items.length === 0 ? (
        <p className="rounded-md border border-dashed border-zinc-300 px-4 py-5 text-center text-sm text-zinc-500">
          {t("setup.exceptions.empty")}
        </p>
      ) : (
        <ul
          className="divide-y divide-zinc-100 rounded-lg border border-zinc-200"
          data-testid="exceptions"
        >
          {items.map((e) => (
            <li
              key={e.id}
              className="flex flex-wrap items-center gap-3 px-4 py-2.5 text-sm"
              data-testid="exception-row"
            >
              <span className="w-44 font-medium tabular-nums">{formatDay(e.day)}</span>
              <Badge tone={e.kind === "CLOSED" ? "red" : "amber"}>
                {t(`setup.exceptions.${e.kind}`)}
                {e.kind === "SHORT_DAY" && ` ${e.opensAt}–${e.closesAt}`}
              </Badge>
              <span className="min-w-0 flex-1 truncate text-zinc-600">{e.note}</span>
              <Button size="sm" variant="dangerGhost" onClick={() => setDeleting(e)}>
                {t("setup.common.delete")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t("setup.exceptions.deleteTitle")}
        description={t("setup.exceptions.deleteText", {
          day: deleting ? formatDay(deleting.day) : "",
        })}
        confirmLabel={t("setup.common.delete")}
        tone="danger"
        pending={remove.isPending}
        error={remove.error ? explain(remove.error).message : null}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        onConfirm={() => {
          if (deleting) remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) });
        }}
      />
    </FormSection>
  );
}

/** A day `ahead` days from today in this browser's calendar, "2026-03-21". */
function dayFromToday(ahead = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + ahead);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Today here; the server checks against the branch's own day. */
const todayIso = () => dayFromToday();

/** The last day an exception may be on, two years from today (the server allows a day more). */
const twoYearsAhead = () => dayFromToday(730);
