import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "../../../../components/ui/field";
import { Select } from "../../../../components/ui/select";
import { cn } from "../../../../lib/cn";
import { useLocalized } from "../../../../lib/localized";
import { STAFF_ROLES, type Branch, type StaffRole } from "../../api/types";
import { useBranchServices } from "../../hooks/use-branches";
import { useCounters } from "../../hooks/use-counters";
import { CheckRow } from "../form-section";
import type { StaffFormValues } from "./staff-form-values";

type SetFn = (patch: Partial<StaffFormValues>) => void;

/** Three cards: operator, branch manager, company admin, with what each may do. */
export function RolePicker({
  value,
  onChange,
  allowed,
}: {
  value: StaffRole;
  onChange: (role: StaffRole) => void;
  allowed: readonly StaffRole[];
}) {
  const { t } = useTranslation();
  const order: StaffRole[] = ["OPERATOR", "BRANCH_MANAGER", "COMPANY_ADMIN"];
  return (
    <fieldset>
      <legend className="mb-1.5 text-sm font-medium text-zinc-800">{t("setup.staff.role")}</legend>
      <div className="grid gap-3 md:grid-cols-3">
        {order
          .filter((r) => allowed.includes(r) && STAFF_ROLES.includes(r))
          .map((role) => (
            <label
              key={role}
              className={cn(
                "flex cursor-pointer gap-3 rounded-md border px-3 py-2.5",
                value === role
                  ? "border-indigo-600 bg-indigo-50/60"
                  : "border-zinc-200 hover:bg-zinc-50",
              )}
            >
              <input
                type="radio"
                name="staff-role"
                value={role}
                checked={value === role}
                onChange={() => onChange(role)}
                className="mt-1 accent-indigo-600"
              />
              <span>
                <span className="block text-sm font-medium text-zinc-900">
                  {t(`setup.staff.roles.${role}`)}
                </span>
                <span className="block text-xs text-zinc-500">
                  {t(`setup.staff.roleHints.${role}`)}
                </span>
              </span>
            </label>
          ))}
      </div>
    </fieldset>
  );
}

/** An operator's branch, counter and services; the lists follow the chosen branch. */
export function OperatorFields({
  slug,
  values,
  errors,
  set,
  branches,
  onBranchChange,
  preselectServices = false,
}: {
  slug: string;
  values: StaffFormValues;
  errors: Record<string, string>;
  set: SetFn;
  branches: Branch[];
  onBranchChange: (branch: Branch | undefined) => void;
  /** A new operator: once a branch is chosen, tick the services it offers (untick to narrow). */
  preselectServices?: boolean;
}) {
  const { t } = useTranslation();
  const local = useLocalized();
  const counters = useCounters(slug, values.branchId || null);
  const services = useBranchServices(slug, values.branchId);
  const activeCounters = (counters.data ?? []).filter((c) => c.active || c.id === values.counterId);
  const offered = (services.data ?? []).filter((s) => s.active);
  const servicesError =
    errors.serviceIds ?? Object.entries(errors).find(([k]) => k.startsWith("serviceIds."))?.[1];

  // An operator with no services is never offered a ticket; a new one most often serves what
  // the branch offers. Once per branch chosen, and only while nothing is ticked.
  const preselectedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!preselectServices || !values.branchId || !services.data) return;
    if (preselectedFor.current === values.branchId) return;
    preselectedFor.current = values.branchId;
    if (values.serviceIds.length > 0) return;
    const open = services.data.filter((s) => s.active && s.enabled).map((s) => s.serviceId);
    if (open.length > 0) set({ serviceIds: open });
  }, [preselectServices, values.branchId, values.serviceIds.length, services.data, set]);

  return (
    <>
      <div className="grid gap-5 md:grid-cols-2">
        <Field id="staff-branchId" label={t("setup.staff.branch")} error={errors.branchId} required>
          <Select
            id="staff-branchId"
            value={values.branchId}
            invalid={Boolean(errors.branchId)}
            onChange={(e) => onBranchChange(branches.find((b) => b.id === e.target.value))}
          >
            <option value="">{t("setup.staff.chooseBranch")}</option>
            {branches.map((b) => (
              <option key={b.id} value={b.id}>
                {local(b.name)}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="staff-counterId"
          label={t("setup.staff.counter")}
          error={errors.counterId}
          hint={
            values.branchId && activeCounters.length === 0
              ? t("setup.staff.noCounters")
              : t("setup.staff.counterHint")
          }
        >
          <Select
            id="staff-counterId"
            value={values.counterId}
            invalid={Boolean(errors.counterId)}
            disabled={!values.branchId}
            onChange={(e) => set({ counterId: e.target.value })}
          >
            <option value="">{t("setup.staff.noCounter")}</option>
            {activeCounters.map((c) => (
              <option key={c.id} value={c.id}>
                {t("setup.counters.label", { number: c.number })}
                {c.name ? ` — ${c.name}` : ""}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-zinc-800">
          {t("setup.staff.services")}
        </legend>
        <p className="mb-2 text-xs text-zinc-500">{t("setup.staff.servicesHint")}</p>
        {servicesError && (
          <p role="alert" className="mb-2 text-sm text-red-700">
            {servicesError}
          </p>
        )}
        {!values.branchId ? (
          <p className="text-sm text-zinc-500">{t("setup.staff.chooseBranchFirst")}</p>
        ) : offered.length === 0 ? (
          <p className="text-sm text-amber-700">{t("setup.staff.noServicesAtBranch")}</p>
        ) : (
          <div className="grid gap-2 md:grid-cols-2" data-testid="staff-services">
            {offered.map((s) => (
              <CheckRow
                key={s.serviceId}
                id={`staff-service-${s.serviceId}`}
                checked={values.serviceIds.includes(s.serviceId)}
                onChange={(checked) =>
                  set({
                    serviceIds: checked
                      ? [...values.serviceIds, s.serviceId]
                      : values.serviceIds.filter((id) => id !== s.serviceId),
                  })
                }
                label={`${s.letter} · ${local(s.name)}`}
                hint={s.enabled ? undefined : t("setup.branchServices.paused")}
              />
            ))}
          </div>
        )}
      </fieldset>
    </>
  );
}

/** The branches a branch manager manages. */
export function ManagerFields({
  values,
  errors,
  set,
  branches,
}: {
  values: StaffFormValues;
  errors: Record<string, string>;
  set: SetFn;
  branches: Branch[];
}) {
  const { t } = useTranslation();
  const local = useLocalized();
  const error =
    errors.branchIds ?? Object.entries(errors).find(([k]) => k.startsWith("branchIds."))?.[1];
  return (
    <fieldset>
      <legend className="mb-1.5 text-sm font-medium text-zinc-800">
        {t("setup.staff.managedBranches")}
      </legend>
      {error && (
        <p role="alert" className="mb-2 text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="grid gap-2 md:grid-cols-2">
        {branches.map((b) => (
          <CheckRow
            key={b.id}
            id={`staff-branch-${b.id}`}
            checked={values.branchIds.includes(b.id)}
            onChange={(checked) =>
              set({
                branchIds: checked
                  ? [...values.branchIds, b.id]
                  : values.branchIds.filter((id) => id !== b.id),
              })
            }
            label={local(b.name)}
            hint={b.code}
          />
        ))}
      </div>
    </fieldset>
  );
}
