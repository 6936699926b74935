import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../../components/ui/alert";
import { Button } from "../../../../components/ui/button";
import { useErrorMessage } from "../../../../lib/errors";
import { focusFirstInvalid } from "../../../../lib/focus-invalid";
import type { Branch, BranchInput, HoursPreview } from "../../api/types";
import {
  useBranches,
  useCreateBranch,
  usePreviewHours,
  useUpdateBranch,
} from "../../hooks/use-branches";
import { Field } from "../../../../components/ui/field";
import { Select } from "../../../../components/ui/select";
import { useLocalized } from "../../../../lib/localized";
import { pathErrors, unshown, within } from "../form-errors";
import { FormSection } from "../form-section";
import { LeaveGuard } from "../leave-guard";
import { WeeklyHoursEditor } from "../weekly-hours/weekly-hours-editor";
import { hasProblems, validateWeek, type WeekProblems } from "../weekly-hours/week-draft";
import {
  branchFieldOf,
  initialBranchValues,
  suggestCode,
  suggestSlug,
  toBranchInput,
  type BranchFormValues,
} from "./branch-form-values";
import { BranchMainFields, BranchSettingsFields } from "./branch-fields";
import { BookingsOutsideDialog } from "./bookings-outside-dialog";

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CODE = /^[A-Z]{2,5}$/;
const SHOWN = new Set([
  "name.uz",
  "name.ru",
  "name.en",
  "slug",
  "code",
  "phone",
  "timeZone",
  "address.uz",
  "address.ru",
  "address.en",
  "latitude",
  "longitude",
  "numberScheme",
  "noShowGraceMinutes",
  "dailyTicketLimit",
  "bookingHorizonDays",
  "onlineCapPerSlot",
  "keepOvernight",
  "checkInEarlyMinutes",
  "checkInLateMinutes",
  "lateArrival",
]);

type Props = {
  slug: string;
  branch?: Branch;
  /**
   * `copied`: a new branch that took another's services and counters; `cancelledBookings`: an
   * edit whose time zone left bookings outside the hours (they were cancelled).
   */
  onSaved: (branch: Branch, copied?: boolean, cancelledBookings?: number) => void;
  onCancel?: () => void;
  /** A branch manager may read the details but change only the hours. */
  readOnly?: boolean;
};

/** Create a branch (with its hours) or edit its details (hours have their own tab). */
export function BranchForm({ slug, branch, onSaved, onCancel, readOnly = false }: Props) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const create = useCreateBranch(slug);
  const update = useUpdateBranch(slug, branch?.id ?? "");
  const preview = usePreviewHours(slug, branch?.id ?? "");
  const [initial] = useState(() => initialBranchValues(branch));
  const [values, setValues] = useState(initial);
  // An edit whose new time zone leaves bookings outside the hours, waiting for the admin's word.
  const [outside, setOutside] = useState<{ input: BranchInput; preview: HoursPreview } | null>(
    null,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [hoursProblems, setHoursProblems] = useState<WeekProblems>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [touched, setTouched] = useState({ slug: Boolean(branch), code: Boolean(branch) });
  const formRef = useRef<HTMLFormElement>(null);
  const withHours = !branch;
  const local = useLocalized();
  // A new branch may start as a copy of another: its hours and settings here, its services and
  // counters on the server.
  const others = useBranches(slug, {}).data ?? [];
  const [copyFrom, setCopyFrom] = useState("");
  const chooseSource = (id: string) => {
    setCopyFrom(id);
    const source = others.find((b) => b.id === id);
    if (!source) return;
    const copied = initialBranchValues(source);
    setValues((old) => ({
      ...copied,
      name: old.name,
      slug: old.slug,
      code: old.code,
      address: old.address,
      phone: old.phone,
      latitude: old.latitude,
      longitude: old.longitude,
    }));
  };
  const pending = create.isPending || update.isPending || preview.isPending;
  // Editing only: a new branch's page is left by its own save.
  const dirty =
    Boolean(branch) &&
    JSON.stringify(toBranchInput(values)) !== JSON.stringify(toBranchInput(initial));

  const set = (patch: Partial<BranchFormValues>, clear: string[] = Object.keys(patch)) => {
    setValues((old) => {
      const next = { ...old, ...patch };
      if (patch.name && !branch) {
        if (!touched.slug) next.slug = suggestSlug(patch.name.uz ?? "");
        if (!touched.code) next.code = suggestCode(patch.name.uz ?? "");
      }
      return next;
    });
    setErrors((old) => {
      const next = { ...old };
      for (const key of clear) delete next[key];
      return next;
    });
  };

  const validate = (): boolean => {
    const next: Record<string, string> = {};
    const required = t("common.required");
    if (!values.name.uz?.trim()) next["name.uz"] = required;
    if (!values.slug.trim()) next.slug = required;
    else if (!SLUG.test(values.slug) || values.slug.length < 2)
      next.slug = t("setup.branches.slugInvalid");
    if (!CODE.test(values.code.trim().toUpperCase())) next.code = t("setup.branches.codeInvalid");
    const lat = values.latitude.trim();
    const lng = values.longitude.trim();
    if (lat && !(Math.abs(Number(lat.replace(",", "."))) <= 90))
      next.latitude = t("setup.branches.latitudeInvalid");
    if (lng && !(Math.abs(Number(lng.replace(",", "."))) <= 180))
      next.longitude = t("setup.branches.longitudeInvalid");
    // The server keeps a map point whole: both coordinates or neither.
    if (lat && !lng && !next.latitude) next.longitude = t("setup.branches.coordinatesBoth");
    if (lng && !lat && !next.longitude) next.latitude = t("setup.branches.coordinatesBoth");
    const grace = Number(values.noShowGraceMinutes);
    if (!Number.isInteger(grace) || grace < 0 || grace > 60)
      next.noShowGraceMinutes = t("setup.branches.graceInvalid");
    const limit = values.dailyTicketLimit.trim();
    if (limit && !(Number.isInteger(Number(limit)) && Number(limit) >= 1))
      next.dailyTicketLimit = t("setup.branches.limitInvalid");
    const horizon = Number(values.bookingHorizonDays);
    if (!Number.isInteger(horizon) || horizon < 0 || horizon > 365)
      next.bookingHorizonDays = t("setup.branches.horizonInvalid");
    const cap = values.onlineCapPerSlot.trim();
    if (cap && !(Number.isInteger(Number(cap)) && Number(cap) >= 1 && Number(cap) <= 1000))
      next.onlineCapPerSlot = t("setup.branches.onlineCapInvalid");
    for (const key of ["checkInEarlyMinutes", "checkInLateMinutes"] as const) {
      const minutes = Number(values[key]);
      if (!Number.isInteger(minutes) || minutes < 0 || minutes > 240)
        next[key] = t("setup.branches.checkInInvalid");
    }
    const week = withHours ? validateWeek(values.hours) : {};
    setErrors(next);
    setHoursProblems(week);
    return Object.keys(next).length === 0 && !hasProblems(week);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    if (!validate()) return focusFirstInvalid(formRef.current);
    const input = toBranchInput(values);
    if (branch && input.timeZone !== branch.timeZone) {
      // Another time zone moves every booking's local time: say first which leave the hours.
      const found = await preview.mutateAsync({ timeZone: input.timeZone }).catch(() => null);
      if (found && found.bookingsOutside > 0) return setOutside({ input, preview: found });
    }
    await save(input);
  };

  const save = async (input: BranchInput) => {
    setOutside(null);
    try {
      if (branch) {
        const { weeklyHours: _hours, ...patch } = input;
        const saved = await update.mutateAsync(patch);
        onSaved(saved, false, saved.cancelledBookings);
      } else {
        onSaved(
          await create.mutateAsync(copyFrom ? { ...input, copyFrom } : input),
          Boolean(copyFrom),
        );
      }
    } catch (error) {
      const byPath = pathErrors(error);
      const mapped = Object.fromEntries(
        Object.entries(byPath).map(([path, message]) => [branchFieldOf(path), message]),
      );
      setErrors(mapped);
      const rest = unshown(mapped, (p) => SHOWN.has(p) || p.startsWith("weeklyHours."));
      setFormError(rest.length ? [errorMessage(error), ...rest].join(" ") : errorMessage(error));
      focusFirstInvalid(formRef.current);
    }
  };

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={submit}
      className="space-y-6"
      data-testid="branch-form"
    >
      {formError && <Alert tone="error">{formError}</Alert>}
      <fieldset disabled={readOnly} className="contents">
        {!branch && others.length > 0 && (
          <Field
            id="branch-copy-from"
            label={t("setup.branches.copyFrom")}
            hint={t("setup.branches.copyFromHint")}
            error={errors.copyFrom}
          >
            <Select
              id="branch-copy-from"
              value={copyFrom}
              onChange={(e) => chooseSource(e.target.value)}
            >
              <option value="">{t("setup.branches.copyFromNone")}</option>
              {others.map((b) => (
                <option key={b.id} value={b.id}>
                  {local(b.name)}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <BranchMainFields
          values={values}
          errors={errors}
          set={set}
          isNew={!branch}
          onSlugTouched={() => setTouched((old) => ({ ...old, slug: true }))}
          onCodeTouched={() => setTouched((old) => ({ ...old, code: true }))}
        />
        {withHours && (
          <FormSection title={t("setup.hours.title")}>
            <WeeklyHoursEditor
              value={values.hours}
              onChange={(hours) => {
                set({ hours });
                if (hasProblems(hoursProblems)) setHoursProblems(validateWeek(hours));
              }}
              problems={hoursProblems}
              serverErrors={within(errors, "weeklyHours")}
            />
          </FormSection>
        )}
        <BranchSettingsFields values={values} errors={errors} set={set} />
      </fieldset>
      {!readOnly && (
        <div className="flex justify-end gap-2">
          {onCancel && (
            <Button variant="secondary" onClick={onCancel} disabled={pending}>
              {t("common.cancel")}
            </Button>
          )}
          <Button type="submit" loading={pending}>
            {branch ? t("common.save") : t("setup.branches.create")}
          </Button>
        </div>
      )}
      <LeaveGuard when={dirty && !readOnly} />
      <BookingsOutsideDialog
        preview={outside?.preview ?? null}
        title={t("setup.branches.zoneOutsideTitle", {
          count: outside?.preview.bookingsOutside ?? 0,
        })}
        description={t("setup.branches.zoneOutsideText")}
        dismissLabel={t("setup.staff.shortBack")}
        pending={update.isPending}
        onConfirm={() => outside && void save(outside.input)}
        onClose={() => setOutside(null)}
      />
    </form>
  );
}
