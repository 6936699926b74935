import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { Card } from "../../../components/ui/card";
import { Field, describedBy } from "../../../components/ui/field";
import { I18nFields } from "../../../components/ui/i18n-fields";
import { Input } from "../../../components/ui/input";
import { Select } from "../../../components/ui/select";
import { isApiError } from "../../../lib/api/api-error";
import { useErrorMessage } from "../../../lib/errors";
import { focusFirstInvalid } from "../../../lib/focus-invalid";
import { TEXT_LANGUAGES, isTextLanguage } from "../../../lib/i18n";
import type { Company } from "../api/companies.api";
import { useCompanyForm } from "../hooks/use-company-form";
import { useCreateCompany, useUpdateCompany } from "../hooks/use-companies";
import { LogoField } from "./logo-field";

type Props = {
  company?: Company;
  /** Preview of the admin URL for a slug (host mode or path mode). */
  adminUrlOf: (slug: string) => string;
  onSaved: (company: Company) => void;
  onCancel: () => void;
};

export function CompanyForm({ company, adminUrlOf, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const form = useCompanyForm(company);
  const create = useCreateCompany();
  const update = useUpdateCompany(company?.id ?? "");
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const { values, errors, set } = form;
  const pending = create.isPending || update.isPending;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    if (!form.validate()) return focusFirstInvalid(formRef.current);
    // Nothing changed: the API refuses an empty PATCH, and there is nothing to save anyway.
    const patch = company ? form.toPatch() : null;
    if (company && patch && Object.keys(patch).length === 0) return onSaved(company);
    try {
      const saved =
        company && patch
          ? await update.mutateAsync(patch)
          : await create.mutateAsync(form.toInput());
      onSaved(saved);
    } catch (error) {
      const unmapped = form.applyServerError(error);
      focusFirstInvalid(formRef.current);
      if (isApiError(error) && (error.code === "SLUG_TAKEN" || error.code === "SLUG_RESERVED"))
        return;
      setFormError([errorMessage(error), ...unmapped].join(" "));
    }
  };

  const text = (key: "name" | "adminEmail" | "phone" | "address", type = "text") => ({
    id: `company-${key}`,
    type,
    value: values[key],
    invalid: Boolean(errors[key]),
    onChange: (e: { target: { value: string } }) => set(key, e.target.value),
    "aria-describedby": describedBy(`company-${key}`, { error: errors[key] }),
  });

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="space-y-6">
      {formError && <Alert tone="error">{formError}</Alert>}
      <Card className="grid gap-5 p-5 sm:grid-cols-2">
        <h2 className="text-sm font-semibold text-zinc-900 sm:col-span-2">
          {t("form.sectionMain")}
        </h2>
        <Field id="company-name" label={t("form.name")} error={errors.name} required>
          <Input
            {...text("name")}
            placeholder={t("form.namePlaceholder")}
            autoComplete="organization"
          />
        </Field>
        <Field
          id="company-slug"
          label={t("form.slug")}
          error={errors.slug}
          required={!company}
          hint={
            company
              ? t("form.slugImmutable")
              : t("form.slugHint", { url: adminUrlOf(values.slug || "…") })
          }
        >
          <Input
            id="company-slug"
            value={values.slug}
            invalid={Boolean(errors.slug)}
            disabled={Boolean(company)}
            onChange={(e) => form.setSlug(e.target.value)}
            className="font-mono"
            spellCheck={false}
            autoCapitalize="off"
            aria-describedby={describedBy("company-slug", { error: errors.slug, hint: true })}
          />
        </Field>
        <div className="sm:col-span-2">
          <LogoField
            value={values.logo}
            onChange={(logo) => set("logo", logo)}
            error={errors.logo}
          />
        </div>
        <div className="sm:col-span-2">
          <I18nFields
            id="company-description"
            label={t("form.description")}
            value={values.description}
            onChange={(value) => set("description", value)}
            errors={{
              uz: errors["description.uz"] ?? errors.description,
              ru: errors["description.ru"],
              en: errors["description.en"],
            }}
            multiline
            rows={3}
          />
        </div>
      </Card>
      <Card className="grid gap-5 p-5 sm:grid-cols-2">
        <h2 className="text-sm font-semibold text-zinc-900 sm:col-span-2">
          {t("form.sectionContacts")}
        </h2>
        <Field
          id="company-adminEmail"
          label={t("form.adminEmail")}
          error={errors.adminEmail}
          hint={t("form.adminEmailHint")}
          required
        >
          <Input
            {...text("adminEmail", "email")}
            autoComplete="off"
            aria-describedby={describedBy("company-adminEmail", {
              error: errors.adminEmail,
              hint: true,
            })}
          />
        </Field>
        <Field id="company-phone" label={t("form.phone")} error={errors.phone}>
          <Input {...text("phone", "tel")} placeholder="+998 71 200 00 00" />
        </Field>
        <Field id="company-address" label={t("form.address")} error={errors.address}>
          <Input {...text("address")} />
        </Field>
        <Field
          id="company-defaultLanguage"
          label={t("form.defaultLanguage")}
          error={errors.defaultLanguage}
        >
          <Select
            id="company-defaultLanguage"
            value={values.defaultLanguage}
            onChange={(e) => {
              if (isTextLanguage(e.target.value)) set("defaultLanguage", e.target.value);
            }}
          >
            {TEXT_LANGUAGES.map((lang) => (
              <option key={lang} value={lang}>
                {t(`languages.${lang}`)}
              </option>
            ))}
          </Select>
        </Field>
      </Card>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" loading={pending}>
          {company ? t("common.save") : pending ? t("form.creating") : t("form.create")}
        </Button>
      </div>
    </form>
  );
}
