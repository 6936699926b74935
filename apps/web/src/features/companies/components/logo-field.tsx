import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, buttonClass } from "../../../components/ui/button";
import { Spinner } from "../../../components/ui/spinner";
import { cn } from "../../../lib/cn";
import { useErrorMessage } from "../../../lib/errors";
import { useUploadLogo } from "../hooks/use-companies";

const TYPES = ["image/png", "image/jpeg", "image/webp"];
const MAX_BYTES = 2 * 1024 * 1024;

type Logo = { id: string | null; url: string };
type Props = { value: Logo | null; onChange: (logo: Logo | null) => void; error?: string };

/** Logo upload with a type/size check before anything is sent, and a preview. */
export function LogoField({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const upload = useUploadLogo();
  const [localError, setLocalError] = useState<string | null>(null);
  const shown = localError ?? error ?? null;
  const describedBy = cn(shown && "company-logo-error", "company-logo-hint") || undefined;

  const pick = (file: File | undefined) => {
    setLocalError(null);
    if (!file) return;
    if (!TYPES.includes(file.type)) return setLocalError(t("form.logoBadType"));
    if (file.size > MAX_BYTES) return setLocalError(t("form.logoTooLarge"));
    upload.mutate(file, {
      onSuccess: (answer) => onChange({ id: answer.logoId, url: answer.url }),
      onError: (err) => setLocalError(errorMessage(err)),
    });
  };

  return (
    <div>
      <span id="company-logo-label" className="mb-1.5 block text-sm font-medium text-zinc-800">
        {t("form.logo")}
      </span>
      <div className="flex items-center gap-4">
        <div className="flex size-20 shrink-0 items-center justify-center overflow-hidden rounded-lg border border-dashed border-zinc-300 bg-zinc-50">
          {upload.isPending ? (
            <Spinner />
          ) : value ? (
            <img
              src={value.url}
              alt={t("form.logoPreview")}
              data-testid="logo-preview"
              className="size-full object-contain"
            />
          ) : (
            <svg
              aria-hidden="true"
              viewBox="0 0 24 24"
              className="size-8 text-zinc-300"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
            >
              <rect x="3" y="4" width="18" height="16" rx="2" />
              <circle cx="9" cy="10" r="2" />
              <path d="m21 17-5-5-9 8" />
            </svg>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          <label
            htmlFor="company-logo"
            className={cn(
              buttonClass("secondary", "sm"),
              "cursor-pointer has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-600",
            )}
          >
            {upload.isPending
              ? t("form.logoUploading")
              : value
                ? t("form.logoReplace")
                : t("form.logoChoose")}
            <input
              id="company-logo"
              type="file"
              accept="image/png,image/jpeg,image/webp"
              className="sr-only"
              aria-labelledby="company-logo-label"
              aria-describedby={describedBy}
              aria-invalid={shown ? true : undefined}
              disabled={upload.isPending}
              onChange={(event) => {
                pick(event.target.files?.[0]);
                event.target.value = "";
              }}
            />
          </label>
          {value && !upload.isPending && (
            <Button size="sm" variant="ghost" onClick={() => onChange(null)}>
              {t("form.logoRemove")}
            </Button>
          )}
        </div>
      </div>
      {shown && (
        <p id="company-logo-error" role="alert" className="mt-1.5 text-sm text-red-700">
          {shown}
        </p>
      )}
      <p id="company-logo-hint" className="mt-1.5 text-xs text-zinc-500">
        {t("form.logoHint")}
      </p>
    </div>
  );
}
