import { useTranslation } from "react-i18next";
import { Field, describedBy } from "../../../../components/ui/field";
import { Input } from "../../../../components/ui/input";
import { Select } from "../../../../components/ui/select";
import { cn } from "../../../../lib/cn";
import { NUMBER_SCHEMES, type LateArrival } from "../../api/types";
import { FormSection } from "../form-section";
import { I18nFields } from "../../../../components/ui/i18n-fields";
import { SwitchRow } from "../switch";
import { timeZoneOptions, type BranchFormValues } from "./branch-form-values";

type FieldsProps = {
  values: BranchFormValues;
  errors: Record<string, string>;
  set: (patch: Partial<BranchFormValues>, clear?: string[]) => void;
};

const langErrors = (errors: Record<string, string>, key: string) => ({
  uz: errors[`${key}.uz`],
  ru: errors[`${key}.ru`],
  en: errors[`${key}.en`],
});

/** "41.311081, 69.240562" pasted from a map fills both coordinates. */
function splitPair(text: string): [string, string] | null {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  return m ? [m[1]!, m[2]!] : null;
}

export function BranchMainFields({
  values,
  errors,
  set,
  isNew,
  onSlugTouched,
  onCodeTouched,
}: FieldsProps & { isNew: boolean; onSlugTouched: () => void; onCodeTouched: () => void }) {
  const { t } = useTranslation();
  const zones = timeZoneOptions();
  const text = (key: "phone", type = "text") => ({
    id: `branch-${key}`,
    type,
    value: values[key],
    invalid: Boolean(errors[key]),
    onChange: (e: { target: { value: string } }) => set({ [key]: e.target.value }),
    "aria-describedby": describedBy(`branch-${key}`, { error: errors[key] }),
  });
  const coordinate = (key: "latitude" | "longitude") => ({
    id: `branch-${key}`,
    inputMode: "decimal" as const,
    value: values[key],
    invalid: Boolean(errors[key]),
    placeholder: key === "latitude" ? "41.311081" : "69.240562",
    onChange: (e: { target: { value: string } }) => {
      const pair = splitPair(e.target.value);
      if (pair) set({ latitude: pair[0], longitude: pair[1] }, ["latitude", "longitude"]);
      else set({ [key]: e.target.value });
    },
  });

  return (
    <>
      <FormSection title={t("setup.branches.sectionMain")}>
        <I18nFields
          id="branch-name"
          label={t("setup.branches.name")}
          value={values.name}
          onChange={(name) => set({ name }, ["name.uz", "name.ru", "name.en"])}
          errors={langErrors(errors, "name")}
          required
        />
        <div className="grid gap-5 md:grid-cols-2">
          <Field
            id="branch-slug"
            label={t("setup.branches.slug")}
            error={errors.slug}
            hint={t("setup.branches.slugHint", { slug: values.slug || "…" })}
            required
          >
            <Input
              id="branch-slug"
              value={values.slug}
              invalid={Boolean(errors.slug)}
              onChange={(e) => {
                onSlugTouched();
                set({ slug: e.target.value.toLowerCase() });
              }}
              className="font-mono"
              spellCheck={false}
              autoCapitalize="off"
              aria-describedby={describedBy("branch-slug", { error: errors.slug, hint: true })}
            />
          </Field>
          <Field
            id="branch-code"
            label={t("setup.branches.code")}
            error={errors.code}
            hint={t("setup.branches.codeHint")}
            required
          >
            <Input
              id="branch-code"
              value={values.code}
              invalid={Boolean(errors.code)}
              maxLength={5}
              onChange={(e) => {
                onCodeTouched();
                set({ code: e.target.value.toUpperCase() });
              }}
              className="font-mono uppercase"
              spellCheck={false}
              aria-describedby={describedBy("branch-code", { error: errors.code, hint: true })}
            />
          </Field>
          <Field id="branch-phone" label={t("setup.branches.phone")} error={errors.phone}>
            <Input {...text("phone", "tel")} placeholder="+998 71 200 00 00" />
          </Field>
          <Field
            id="branch-timeZone"
            label={t("setup.branches.timeZone")}
            error={errors.timeZone}
            hint={isNew ? t("setup.branches.timeZoneHint") : undefined}
          >
            <Select
              id="branch-timeZone"
              value={values.timeZone}
              invalid={Boolean(errors.timeZone)}
              onChange={(e) => set({ timeZone: e.target.value })}
            >
              <optgroup label={t("setup.branches.timeZoneCommon")}>
                {zones.common.map((z) => (
                  <option key={z} value={z}>
                    {z.replace(/_/g, " ")}
                  </option>
                ))}
              </optgroup>
              {zones.other.length > 0 && (
                <optgroup label={t("setup.branches.timeZoneOther")}>
                  {zones.other.map((z) => (
                    <option key={z} value={z}>
                      {z.replace(/_/g, " ")}
                    </option>
                  ))}
                </optgroup>
              )}
            </Select>
          </Field>
        </div>
      </FormSection>
      <FormSection title={t("setup.branches.sectionAddress")}>
        <I18nFields
          id="branch-address"
          label={t("setup.branches.address")}
          value={values.address}
          onChange={(address) => set({ address }, ["address.uz", "address.ru", "address.en"])}
          errors={langErrors(errors, "address")}
        />
        <div className="grid gap-5 md:grid-cols-2">
          <Field
            id="branch-latitude"
            label={t("setup.branches.latitude")}
            error={errors.latitude}
            hint={t("setup.branches.coordinatesHint")}
          >
            <Input {...coordinate("latitude")} />
          </Field>
          <Field
            id="branch-longitude"
            label={t("setup.branches.longitude")}
            error={errors.longitude}
          >
            <Input {...coordinate("longitude")} />
          </Field>
        </div>
      </FormSection>
    </>
  );
}

export function BranchSettingsFields({ values, errors, set }: FieldsProps) {
  const { t } = useTranslation();
  const number = (
    key:
      | "noShowGraceMinutes"
      | "dailyTicketLimit"
      | "bookingHorizonDays"
      | "onlineCapPerSlot"
      | "checkInEarlyMinutes"
      | "checkInLateMinutes",
  ) => ({
    id: `branch-${key}`,
    type: "number",
    inputMode: "numeric" as const,
    min: key === "dailyTicketLimit" || key === "onlineCapPerSlot" ? 1 : 0,
    value: values[key],
    invalid: Boolean(errors[key]),
    onChange: (e: { target: { value: string } }) => set({ [key]: e.target.value }),
    className: "w-40!",
  });
  return (
    <FormSection title={t("setup.branches.sectionSettings")}>
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-zinc-800">
          {t("setup.branches.numberScheme")}
        </legend>
        <div className="grid gap-3 md:grid-cols-2">
          {NUMBER_SCHEMES.map((scheme) => (
            <label
              key={scheme}
              className={cn(
                "flex cursor-pointer gap-3 rounded-md border px-3 py-2.5",
                values.numberScheme === scheme
                  ? "border-[var(--brand,var(--color-indigo-600))] bg-zinc-50"
                  : "border-zinc-200 hover:bg-zinc-50",
              )}
            >
              <input
                type="radio"
                name="numberScheme"
                value={scheme}
                checked={values.numberScheme === scheme}
                onChange={() => set({ numberScheme: scheme })}
                className="mt-1 accent-[var(--brand,var(--color-indigo-600))]"
              />
              <span>
                <span className="block text-sm font-medium text-zinc-900">
                  {t(`setup.branches.scheme.${scheme}`)}
                </span>
                <span className="block text-xs text-zinc-500">
                  {t(`setup.branches.schemeHint.${scheme}`)}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-5 md:grid-cols-3">
        <Field
          id="branch-noShowGraceMinutes"
          label={t("setup.branches.noShowGrace")}
          hint={t("setup.branches.noShowGraceHint")}
          error={errors.noShowGraceMinutes}
        >
          <Input {...number("noShowGraceMinutes")} max={60} />
        </Field>
        <Field
          id="branch-dailyTicketLimit"
          label={t("setup.branches.dailyLimit")}
          hint={t("setup.branches.dailyLimitHint")}
          error={errors.dailyTicketLimit}
        >
          <Input {...number("dailyTicketLimit")} placeholder={t("setup.branches.noLimit")} />
        </Field>
        <Field
          id="branch-bookingHorizonDays"
          label={t("setup.branches.bookingHorizon")}
          hint={t("setup.branches.bookingHorizonHint")}
          error={errors.bookingHorizonDays}
        >
          <Input {...number("bookingHorizonDays")} max={365} />
        </Field>
        <Field
          id="branch-onlineCapPerSlot"
          label={t("setup.branches.onlineCap")}
          hint={t("setup.branches.onlineCapHint")}
          error={errors.onlineCapPerSlot}
        >
          <Input
            {...number("onlineCapPerSlot")}
            max={1000}
            placeholder={t("setup.branches.onlineCapAll")}
            // Wide enough for the placeholder ("Barcha operatorlar", «Все операторы»).
            className="w-56!"
          />
        </Field>
      </div>
      <div className="grid gap-5 md:grid-cols-3">
        <Field
          id="branch-checkInEarlyMinutes"
          label={t("setup.branches.checkInEarly")}
          hint={t("setup.branches.checkInEarlyHint")}
          error={errors.checkInEarlyMinutes}
        >
          <Input {...number("checkInEarlyMinutes")} max={240} />
        </Field>
        <Field
          id="branch-checkInLateMinutes"
          label={t("setup.branches.checkInLate")}
          hint={t("setup.branches.checkInLateHint")}
          error={errors.checkInLateMinutes}
        >
          <Input {...number("checkInLateMinutes")} max={240} />
        </Field>
        <Field
          id="branch-lateArrival"
          label={t("setup.branches.lateArrival")}
          error={errors.lateArrival}
        >
          <Select
            id="branch-lateArrival"
            value={values.lateArrival}
            onChange={(e) => set({ lateArrival: e.target.value as LateArrival })}
          >
            <option value="WALK_IN">{t("setup.branches.lateArrivalOption.WALK_IN")}</option>
            <option value="EXPIRE">{t("setup.branches.lateArrivalOption.EXPIRE")}</option>
          </Select>
        </Field>
      </div>
      <SwitchRow
        id="branch-keepOvernight"
        checked={values.keepOvernight}
        onChange={(keepOvernight) => set({ keepOvernight })}
        label={t("setup.branches.keepOvernight")}
        hint={t("setup.branches.keepOvernightHint")}
      />
    </FormSection>
  );
}
