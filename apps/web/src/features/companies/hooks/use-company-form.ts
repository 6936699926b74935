import { useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors, isApiError } from "../../../lib/api/api-error";
import type { I18nPartial } from "../../../components/ui/i18n-fields";
import { TEXT_LANGUAGES, type TextLanguage as Language } from "../../../lib/i18n";
import type { Company, CompanyInput, CompanyPatch } from "../api/companies.api";
import { SLUG_PATTERN, slugify } from "../components/slug";

export type CompanyFormValues = {
  name: string;
  slug: string;
  adminEmail: string;
  phone: string;
  address: string;
  description: I18nPartial;
  defaultLanguage: Language;
  logo: { id: string | null; url: string } | null;
};

export type CompanyFormErrors = Partial<
  Record<keyof CompanyFormValues | "logoId" | `description.${Language}`, string>
>;

const FORM_KEYS = [
  "name",
  "slug",
  "adminEmail",
  "phone",
  "address",
  "description",
  "defaultLanguage",
  "logo",
] as const;

function isFormKey(key: string): key is keyof CompanyFormErrors {
  return (
    (FORM_KEYS as readonly string[]).includes(key) ||
    TEXT_LANGUAGES.some((lang) => key === `description.${lang}`)
  );
}

/** The description's languages that have text, trimmed; undefined when none has. */
function descriptionOf(value: I18nPartial): I18nPartial | undefined {
  const given = Object.fromEntries(
    TEXT_LANGUAGES.flatMap((lang) => (value[lang]?.trim() ? [[lang, value[lang].trim()]] : [])),
  ) as I18nPartial;
  return Object.keys(given).length > 0 ? given : undefined;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function initialValues(company?: Company): CompanyFormValues {
  return {
    name: company?.name ?? "",
    slug: company?.slug ?? "",
    adminEmail: company?.adminEmail ?? "",
    phone: company?.phone ?? "",
    address: company?.address ?? "",
    description: company?.description ?? {},
    defaultLanguage: company?.defaultLanguage ?? "uz",
    logo: company?.logoUrl ? { id: company.logoId ?? null, url: company.logoUrl } : null,
  };
}

/** Form state, slug suggestion, client validation and server-error mapping. */
export function useCompanyForm(company?: Company) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => initialValues(company));
  const [slugTouched, setSlugTouched] = useState(Boolean(company));
  const [errors, setErrors] = useState<CompanyFormErrors>({});

  const set = <K extends keyof CompanyFormValues>(key: K, value: CompanyFormValues[K]) => {
    setValues((old) => {
      const next = { ...old, [key]: value };
      if (key === "name" && !slugTouched) next.slug = slugify(String(value));
      return next;
    });
    setErrors((old) => ({
      ...old,
      [key]: undefined,
      ...(key === "description" &&
        Object.fromEntries(TEXT_LANGUAGES.map((lang) => [`description.${lang}`, undefined]))),
    }));
  };

  const setSlug = (value: string) => {
    setSlugTouched(value !== "");
    set("slug", value.toLowerCase());
  };

  const validate = (): boolean => {
    const next: CompanyFormErrors = {};
    if (!values.name.trim()) next.name = t("common.required");
    if (!company) {
      if (!values.slug) next.slug = t("common.required");
      else if (!SLUG_PATTERN.test(values.slug)) next.slug = t("form.slugInvalid");
    }
    if (!values.adminEmail.trim()) next.adminEmail = t("common.required");
    else if (!EMAIL.test(values.adminEmail.trim())) next.adminEmail = t("common.invalidEmail");
    setErrors(next);
    return Object.keys(next).length === 0;
  };

  /** Maps a failed save onto the fields; returns the problems no field could show. */
  const applyServerError = (error: unknown): string[] => {
    if (!isApiError(error)) return [];
    if (error.code === "SLUG_TAKEN" || error.code === "SLUG_RESERVED") {
      setErrors((old) => ({
        ...old,
        slug: t(error.code === "SLUG_TAKEN" ? "errors.SLUG_TAKEN" : "errors.SLUG_RESERVED"),
      }));
      return [];
    }
    const mapped: CompanyFormErrors = {};
    const unmapped: string[] = [];
    for (const [field, message] of Object.entries(fieldErrors(error))) {
      const key = field === "logoId" ? "logo" : field;
      if (isFormKey(key)) mapped[key] = message;
      else unmapped.push(`${field}: ${message}`);
    }
    setErrors((old) => ({ ...old, ...mapped }));
    return unmapped;
  };

  const toInput = (): CompanyInput => {
    const optional = (value: string) => (value.trim() ? value.trim() : undefined);
    return {
      name: values.name.trim(),
      slug: values.slug,
      adminEmail: values.adminEmail.trim(),
      phone: optional(values.phone),
      address: optional(values.address),
      description: descriptionOf(values.description),
      defaultLanguage: values.defaultLanguage,
      ...(values.logo?.id ? { logoId: values.logo.id } : {}),
    };
  };

  /** Only what changed; a cleared text field is sent as "". */
  const toPatch = (): CompanyPatch => {
    const before = initialValues(company);
    const patch: CompanyPatch = {};
    for (const key of ["name", "adminEmail", "phone", "address"] as const) {
      const value = values[key].trim();
      if (value !== before[key].trim()) patch[key] = value;
    }
    const description = descriptionOf(values.description) ?? {};
    if (JSON.stringify(description) !== JSON.stringify(descriptionOf(before.description) ?? {})) {
      patch.description = description;
    }
    if (values.defaultLanguage !== before.defaultLanguage) {
      patch.defaultLanguage = values.defaultLanguage;
    }
    if (values.logo?.url !== before.logo?.url) patch.logoId = values.logo?.id ?? null;
    return patch;
  };

  return { values, errors, set, setSlug, setErrors, validate, applyServerError, toInput, toPatch };
}
