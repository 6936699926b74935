import { useTranslation } from "react-i18next";
import { TEXT_LANGUAGES as LANGUAGES, type TextLanguage as Language } from "../../lib/i18n";
import { describedBy } from "./field";
import { Input, Textarea } from "./input";

/** A text in up to three languages, as the forms hold it. */
export type I18nPartial = Partial<Record<Language, string>>;

type Props = {
  id: string;
  label: string;
  value: I18nPartial;
  onChange: (value: I18nPartial) => void;
  /** Problems keyed by language ("uz", "ru", "en"). */
  errors?: Partial<Record<Language, string | undefined>>;
  /** Uzbek is required (the default language); Russian and English are optional. */
  required?: boolean;
  multiline?: boolean;
  /** Rows of each language's box when multiline (2). */
  rows?: number;
  hint?: string;
};

/** One text in Uzbek, Russian and English, side by side. */
export function I18nFields({
  id,
  label,
  value,
  onChange,
  errors,
  required,
  multiline,
  rows = 2,
  hint,
}: Props) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend className="mb-1.5 text-sm font-medium text-zinc-800">
        {label}
        {required && (
          <span aria-hidden="true" className="ml-0.5 text-red-600">
            *
          </span>
        )}
      </legend>
      <div className="grid gap-3 md:grid-cols-3">
        {LANGUAGES.map((lang) => {
          const fieldId = `${id}-${lang}`;
          const error = errors?.[lang];
          const props = {
            id: fieldId,
            value: value[lang] ?? "",
            invalid: Boolean(error),
            onChange: (e: { target: { value: string } }) =>
              onChange({ ...value, [lang]: e.target.value }),
            "aria-describedby": describedBy(fieldId, { error }),
            "aria-required": (required && lang === "uz") || undefined,
            lang,
          };
          return (
            <div key={lang}>
              <label
                htmlFor={fieldId}
                className="mb-1 flex items-center gap-1.5 text-xs text-zinc-600"
              >
                <span className="sr-only">{label}, </span>
                <span className="rounded bg-zinc-100 px-1 font-mono text-[10px] font-semibold text-zinc-600 uppercase">
                  {lang}
                </span>
                {t(`languages.${lang}`)}
                {required && lang === "uz" && (
                  <span aria-hidden="true" className="text-red-600">
                    *
                  </span>
                )}
                {lang !== "uz" && <span className="text-zinc-400">({t("common.optional")})</span>}
              </label>
              {multiline ? <Textarea rows={rows} {...props} /> : <Input {...props} />}
              {error && (
                <p id={`${fieldId}-error`} role="alert" className="mt-1 text-sm text-red-700">
                  {error}
                </p>
              )}
            </div>
          );
        })}
      </div>
      {hint && <p className="mt-1.5 text-xs text-zinc-500">{hint}</p>}
    </fieldset>
  );
}
