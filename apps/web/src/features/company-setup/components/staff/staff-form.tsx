import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../../components/ui/alert";
import { Button } from "../../../../components/ui/button";
import { ConfirmDialog } from "../../../../components/ui/confirm-dialog";
import { Field, describedBy } from "../../../../components/ui/field";
import { Input } from "../../../../components/ui/input";
import { cn } from "../../../../lib/cn";
import { focusFirstInvalid } from "../../../../lib/focus-invalid";
import type {
  Branch,
  Credentials,
  Delivery,
  Staff,
  StaffBookingsCheck,
  StaffInput,
  StaffRole,
} from "../../api/types";
import { useCheckStaffBookings, useCreateStaff, useUpdateStaff } from "../../hooks/use-staff";
import { within } from "../form-errors";
import { FormSection } from "../form-section";
import { useSetupError } from "../use-setup-error";
import { WeeklyHoursEditor } from "../weekly-hours/weekly-hours-editor";
import { hasProblems, validateWeek, type WeekProblems } from "../weekly-hours/week-draft";
import { ShortSlots } from "./short-slots";
import { ManagerFields, OperatorFields, RolePicker } from "./staff-fields";
import {
  initialStaffValues,
  scheduleFromBranch,
  toStaffInput,
  type StaffFormValues,
} from "./staff-form-values";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Props = {
  slug: string;
  staff?: Staff;
  initialRole?: StaffRole;
  branches: Branch[];
  /** Roles the signed-in person may give (a branch manager: operators only). */
  allowedRoles: readonly StaffRole[];
  /** The signed-in person's own account: nobody changes their own role. */
  isSelf?: boolean;
  onCreated: (answer: Credentials & { staff: Staff }) => void;
  onSaved: (staff: Staff) => void;
  onCancel: () => void;
};

export function StaffForm(props: Props) {
  const { slug, staff, branches } = props;
  const { t } = useTranslation();
  const explain = useSetupError();
  const create = useCreateStaff(slug);
  const update = useUpdateStaff(slug, staff?.id ?? "");
  const check = useCheckStaffBookings(slug, staff?.id ?? "");
  // An edit that would leave booked times short of operators, waiting for the admin's word.
  const [short, setShort] = useState<{ input: StaffInput; check: StaffBookingsCheck } | null>(null);
  const [values, setValues] = useState(() => initialStaffValues(staff, props.initialRole));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [scheduleProblems, setScheduleProblems] = useState<WeekProblems>({});
  const [scheduleTouched, setScheduleTouched] = useState(Boolean(staff));
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const pending = create.isPending || update.isPending || check.isPending;

  const set = (patch: Partial<StaffFormValues>) => {
    setValues((old) => ({ ...old, ...patch }));
    setErrors((old) => {
      const next = { ...old };
      for (const key of Object.keys(patch)) delete next[key];
      return next;
    });
  };

  const validate = () => {
    const next: Record<string, string> = {};
    if (values.name.trim().length < 2) next.name = t("setup.staff.nameInvalid");
    if (!EMAIL.test(values.email.trim())) next.email = t("common.invalidEmail");
    if (values.role === "OPERATOR" && !values.branchId)
      next.branchId = t("setup.staff.chooseBranch");
    if (values.role === "BRANCH_MANAGER" && values.branchIds.length === 0)
      next.branchIds = t("setup.staff.chooseManagedBranch");
    const week = values.role === "OPERATOR" ? validateWeek(values.schedule) : {};
    setErrors(next);
    setScheduleProblems(week);
    return Object.keys(next).length === 0 && !hasProblems(week);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    if (!validate()) return focusFirstInvalid(formRef.current);
    const input = toStaffInput(values);
    if (staff) {
      // The check only advises: when it cannot answer, the edit is saved as asked.
      const found = await check
        .mutateAsync({
          role: input.role,
          branchId: input.branchId,
          serviceIds: input.serviceIds,
          weeklySchedule: input.weeklySchedule,
        })
        .catch(() => null);
      if (found && found.bookingsShort > 0) return setShort({ input, check: found });
    }
    await save(input);
  };

  const save = async (input: StaffInput) => {
    try {
      if (staff) props.onSaved(await update.mutateAsync(input));
      else props.onCreated(await create.mutateAsync({ ...input, delivery: values.delivery }));
      setShort(null);
    } catch (error) {
      setShort(null);
      const explained = explain(error, { email: t("setup.staff.emailTaken") });
      setErrors(explained.fields);
      setFormError(explained.message);
      focusFirstInvalid(formRef.current);
    }
  };

  const text = (key: "name" | "email" | "phone", type = "text") => ({
    id: `staff-${key}`,
    type,
    value: values[key],
    invalid: Boolean(errors[key]),
    onChange: (e: { target: { value: string } }) => set({ [key]: e.target.value }),
    "aria-describedby": describedBy(`staff-${key}`, { error: errors[key] }),
  });

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="space-y-6" data-testid="staff-form">
      {formError && <Alert tone="error">{formError}</Alert>}
      <FormSection title={t("setup.staff.sectionPerson")}>
        <RolePicker
          value={values.role}
          onChange={(role) => set({ role })}
          allowed={props.isSelf ? [values.role] : props.allowedRoles}
        />
        <div className="grid gap-5 md:grid-cols-3">
          <Field id="staff-name" label={t("setup.staff.name")} error={errors.name} required>
            <Input {...text("name")} autoComplete="off" placeholder="Aziza Karimova" />
          </Field>
          <Field
            id="staff-email"
            label={t("setup.staff.email")}
            error={errors.email}
            hint={t("setup.staff.emailHint")}
            required
          >
            <Input {...text("email", "email")} autoComplete="off" placeholder="aziza@bank.uz" />
          </Field>
          <Field id="staff-phone" label={t("setup.staff.phone")} error={errors.phone}>
            <Input {...text("phone", "tel")} placeholder="+998 90 123 45 67" />
          </Field>
        </div>
      </FormSection>
      {values.role === "OPERATOR" && (
        <FormSection title={t("setup.staff.sectionWorkplace")}>
          <OperatorFields
            slug={slug}
            values={values}
            errors={errors}
            set={set}
            branches={branches}
            preselectServices={!staff}
            onBranchChange={(branch) =>
              set({
                branchId: branch?.id ?? "",
                counterId: "",
                serviceIds: [],
                ...(branch && !scheduleTouched
                  ? { schedule: scheduleFromBranch(branch.weeklyHours) }
                  : {}),
              })
            }
          />
        </FormSection>
      )}
      {values.role === "OPERATOR" && (
        <FormSection title={t("setup.staff.schedule")} hint={t("setup.staff.scheduleHint")}>
          <WeeklyHoursEditor
            value={values.schedule}
            onChange={(schedule) => {
              setScheduleTouched(true);
              set({ schedule });
              if (hasProblems(scheduleProblems)) setScheduleProblems(validateWeek(schedule));
            }}
            problems={scheduleProblems}
            serverErrors={within(errors, "weeklySchedule")}
            closedLabel={t("setup.hours.dayOff")}
          />
        </FormSection>
      )}
      {values.role === "BRANCH_MANAGER" && (
        <FormSection title={t("setup.staff.sectionWorkplace")}>
          <ManagerFields values={values} errors={errors} set={set} branches={branches} />
        </FormSection>
      )}
      {!staff && (
        <FormSection title={t("setup.staff.sectionAccess")}>
          <DeliveryPicker value={values.delivery} onChange={(delivery) => set({ delivery })} />
        </FormSection>
      )}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={props.onCancel} disabled={pending}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" loading={pending}>
          {staff ? t("common.save") : t("setup.staff.create")}
        </Button>
      </div>
      <ConfirmDialog
        open={short !== null}
        title={t("setup.staff.shortTitle", { count: short?.check.bookingsShort ?? 0 })}
        description={t("setup.staff.shortText")}
        confirmLabel={t("setup.staff.shortSave")}
        dismissLabel={t("setup.staff.shortBack")}
        pending={update.isPending}
        onConfirm={() => short && void save(short.input)}
        onClose={() => setShort(null)}
      >
        {short && <ShortSlots check={short.check} />}
      </ConfirmDialog>
    </form>
  );
}

/** How the new person gets a password: shown here once, or sent as an e-mail invite. */
export function DeliveryPicker({
  value,
  onChange,
}: {
  value: Delivery;
  onChange: (d: Delivery) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend className="sr-only">{t("setup.staff.delivery")}</legend>
      <div className="grid gap-3 md:grid-cols-2">
        {(["PASSWORD", "EMAIL"] as const).map((d) => (
          <label
            key={d}
            className={cn(
              "flex cursor-pointer gap-3 rounded-md border px-3 py-2.5",
              value === d
                ? "border-indigo-600 bg-indigo-50/60"
                : "border-zinc-200 hover:bg-zinc-50",
            )}
          >
            <input
              type="radio"
              name="staff-delivery"
              checked={value === d}
              onChange={() => onChange(d)}
              className="mt-1 accent-indigo-600"
            />
            <span>
              <span className="block text-sm font-medium text-zinc-900">
                {t(`setup.staff.deliveries.${d}`)}
              </span>
              <span className="block text-xs text-zinc-500">
                {t(`setup.staff.deliveryHints.${d}`)}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
