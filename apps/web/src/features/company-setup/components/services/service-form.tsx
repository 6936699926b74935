import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../../components/ui/alert";
import { Button } from "../../../../components/ui/button";
import { ConfirmDialog } from "../../../../components/ui/confirm-dialog";
import { Field, describedBy } from "../../../../components/ui/field";
import { Input } from "../../../../components/ui/input";
import { Select } from "../../../../components/ui/select";
import { focusFirstInvalid } from "../../../../lib/focus-invalid";
import { useLocalized } from "../../../../lib/localized";
import type { Branch, Service, UpdatedService } from "../../api/types";
import { useSaveService } from "../../hooks/use-services";
import { CheckRow, FormSection } from "../form-section";
import { I18nFields } from "../../../../components/ui/i18n-fields";
import { useSetupError } from "../use-setup-error";
import {
  DURATIONS,
  QUEUE_NUMBER_FIELDS,
  initialServiceValues,
  numberFieldErrors,
  serviceFieldOf,
  suggestLetter,
  toAssignments,
  toServiceInput,
  type ServiceFormValues,
} from "./service-form-values";

type Props = {
  slug: string;
  service?: Service;
  /** Other services, to suggest a free ticket letter. */
  others: Service[];
  branches: Branch[];
  onSaved: (service: UpdatedService) => void;
  onCancel: () => void;
  /** Branch managers may read the catalogue but not change it. */
  readOnly?: boolean;
};

const LETTER = /^[A-Z]{1,2}$/;

export function ServiceForm({
  slug,
  service,
  others,
  branches,
  onSaved,
  onCancel,
  readOnly = false,
}: Props) {
  const { t } = useTranslation();
  const local = useLocalized();
  const explain = useSetupError();
  const save = useSaveService(slug, service);
  const [values, setValues] = useState(() => initialServiceValues(service));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [letterTouched, setLetterTouched] = useState(Boolean(service));
  const formRef = useRef<HTMLFormElement>(null);
  const takenLetters = new Set(others.filter((s) => s.id !== service?.id).map((s) => s.letter));

  const set = (patch: Partial<ServiceFormValues>, clear: string[] = Object.keys(patch)) => {
    setValues((old) => {
      const next = { ...old, ...patch };
      if (patch.name && !letterTouched)
        next.letter = suggestLetter(patch.name.uz ?? "", takenLetters);
      return next;
    });
    setErrors((old) => {
      const next = { ...old };
      for (const key of clear) delete next[key];
      if (patch.name && !letterTouched) delete next.letter;
      return next;
    });
  };

  const validate = () => {
    const next: Record<string, string> = {};
    if (!values.name.uz?.trim()) next["name.uz"] = t("common.required");
    const letter = values.letter.trim().toUpperCase();
    if (!LETTER.test(letter)) next.letter = t("setup.services.letterInvalid");
    else if (takenLetters.has(letter)) next.letter = t("setup.services.letterTaken", { letter });
    for (const [key, message] of Object.entries(numberFieldErrors(values))) next[key] = t(message);
    setErrors(next);
    return Object.keys(next).length === 0;
  };

  // Bookings this save would cancel: all of them when the service is switched off, else those
  // at branches it is taken from.
  const toCancel = (service?.branches ?? []).reduce((n, b) => {
    const stops = !values.active || values.branches[b.branchId] !== true;
    return n + (service?.active && b.enabled && stops ? b.bookings : 0);
  }, 0);
  const [confirming, setConfirming] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    if (!validate()) return focusFirstInvalid(formRef.current);
    if (toCancel > 0) return setConfirming(true);
    await saveNow();
  };

  const saveNow = async () => {
    setConfirming(false);
    try {
      onSaved(
        await save.mutateAsync({ input: toServiceInput(values), branches: toAssignments(values) }),
      );
    } catch (error) {
      const explained = explain(error, {
        letter: t("setup.services.letterTaken", { letter: values.letter.toUpperCase() }),
        code: t("setup.services.codeTaken"),
      });
      setErrors(
        Object.fromEntries(
          Object.entries(explained.fields).map(([p, m]) => [serviceFieldOf(p), m]),
        ),
      );
      setFormError(explained.message);
      focusFirstInvalid(formRef.current);
    }
  };

  const langErrors = (key: string) => ({
    uz: errors[`${key}.uz`],
    ru: errors[`${key}.ru`],
    en: errors[`${key}.en`],
  });
  const durations = DURATIONS.includes(Number(values.durationMinutes))
    ? DURATIONS
    : [...DURATIONS, Number(values.durationMinutes)].sort((a, b) => a - b);

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={submit}
      className="space-y-6"
      data-testid="service-form"
    >
      {formError && <Alert tone="error">{formError}</Alert>}
      <fieldset disabled={readOnly} className="contents">
        <FormSection title={t("setup.services.sectionMain")}>
          <I18nFields
            id="service-name"
            label={t("setup.services.name")}
            value={values.name}
            onChange={(name) => set({ name }, ["name.uz", "name.ru", "name.en"])}
            errors={langErrors("name")}
            required
          />
          <I18nFields
            id="service-description"
            label={t("setup.services.description")}
            value={values.description}
            onChange={(description) => set({ description }, [])}
            errors={langErrors("description")}
            hint={t("setup.services.descriptionHint")}
            multiline
          />
          <div className="grid gap-5 md:grid-cols-3">
            <Field
              id="service-letter"
              label={t("setup.services.letter")}
              hint={t("setup.services.letterHint")}
              error={errors.letter}
              required
            >
              <Input
                id="service-letter"
                value={values.letter}
                maxLength={2}
                invalid={Boolean(errors.letter)}
                onChange={(e) => {
                  setLetterTouched(true);
                  set({ letter: e.target.value.toUpperCase() });
                }}
                className="w-24! font-mono text-base font-bold uppercase"
                aria-describedby={describedBy("service-letter", {
                  error: errors.letter,
                  hint: true,
                })}
              />
            </Field>
            <Field
              id="service-durationMinutes"
              label={t("setup.services.duration")}
              hint={t("setup.services.durationHint")}
              error={errors.durationMinutes}
            >
              <Select
                id="service-durationMinutes"
                value={values.durationMinutes}
                onChange={(e) => set({ durationMinutes: e.target.value })}
                className="w-40!"
              >
                {durations.map((m) => (
                  <option key={m} value={m}>
                    {t("setup.common.minutes", { count: m })}
                  </option>
                ))}
              </Select>
            </Field>
            <Field
              id="service-code"
              label={t("setup.services.code")}
              hint={t("setup.services.codeHint")}
              error={errors.code}
            >
              <Input
                id="service-code"
                value={values.code}
                invalid={Boolean(errors.code)}
                onChange={(e) => set({ code: e.target.value.toUpperCase() })}
                className="font-mono uppercase"
                placeholder={t("setup.services.codePlaceholder")}
              />
            </Field>
          </div>
        </FormSection>
        <FormSection title={t("setup.services.sectionQueue")}>
          <div className="grid gap-5 md:grid-cols-2">
            {QUEUE_NUMBER_FIELDS.map((f) => (
              <Field
                key={f.key}
                id={`service-${f.key}`}
                label={t(f.label)}
                hint={t(f.hint)}
                error={errors[f.key]}
              >
                <Input
                  id={`service-${f.key}`}
                  type="number"
                  min={f.min}
                  max={f.max}
                  value={values[f.key]}
                  invalid={Boolean(errors[f.key])}
                  onChange={(e) => set({ [f.key]: e.target.value })}
                  className="w-28!"
                />
              </Field>
            ))}
          </div>
          <div className="grid gap-3 md:grid-cols-3">
            <CheckRow
              id="service-onlineBooking"
              checked={values.onlineBooking}
              onChange={(onlineBooking) => set({ onlineBooking })}
              label={t("setup.services.onlineBooking")}
              hint={t("setup.services.onlineBookingHint")}
            />
            <CheckRow
              id="service-showOnKiosk"
              checked={values.showOnKiosk}
              onChange={(showOnKiosk) => set({ showOnKiosk })}
              label={t("setup.services.showOnKiosk")}
              hint={t("setup.services.showOnKioskHint")}
            />
            <CheckRow
              id="service-active"
              checked={values.active}
              onChange={(active) => set({ active })}
              label={t("setup.services.active")}
              hint={t("setup.services.activeHint")}
            />
          </div>
        </FormSection>
        <FormSection
          title={t("setup.services.sectionBranches")}
          hint={t("setup.services.branchesHint")}
        >
          {errors.branches && (
            <p role="alert" className="text-sm text-red-700">
              {errors.branches}
            </p>
          )}
          {branches.length === 0 ? (
            <p className="text-sm text-zinc-500">{t("setup.services.noBranches")}</p>
          ) : (
            <div className="grid gap-3 md:grid-cols-2" data-testid="service-branches">
              {branches.map((b) => (
                <CheckRow
                  key={b.id}
                  id={`service-branch-${b.id}`}
                  checked={b.id in values.branches}
                  onChange={(checked) => {
                    const next = { ...values.branches };
                    if (checked) next[b.id] = values.branches[b.id] ?? true;
                    else delete next[b.id];
                    set({ branches: next });
                  }}
                  label={local(b.name)}
                  hint={b.status === "CLOSED" ? t("setup.branches.CLOSED") : b.code}
                />
              ))}
            </div>
          )}
        </FormSection>
      </fieldset>
      {!readOnly && (
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onCancel} disabled={save.isPending}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {service ? t("common.save") : t("setup.services.create")}
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={t("setup.services.cancelTitle", { count: toCancel })}
        description={t("setup.services.cancelText")}
        confirmLabel={t("setup.services.cancelSave")}
        dismissLabel={t("setup.services.cancelBack")}
        tone="danger"
        pending={save.isPending}
        onConfirm={() => void saveNow()}
        onClose={() => setConfirming(false)}
      />
    </form>
  );
}
