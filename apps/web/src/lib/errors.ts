import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "./api/api-error";
import { uz } from "./i18n/uz";

type KnownCode = keyof typeof uz.errors;

function isKnownCode(code: string): code is KnownCode {
  return Object.hasOwn(uz.errors, code);
}

/** Turns any thrown value into a sentence for the user, in the current language. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (!isApiError(error)) return t("common.genericError");
      if (error.code === "ACCOUNT_LOCKED" || error.code === "RATE_LIMITED") {
        // A translated wait when the header gave one; the server's English never follows it.
        const text = t(`errors.${error.code}`);
        if (error.retryAfter === null) return text;
        const minutes = Math.max(1, Math.ceil(error.retryAfter / 60));
        return `${text} ${t("auth.retryIn", { minutes })}`;
      }
      if (isKnownCode(error.code)) return t(`errors.${error.code}`);
      return error.message || t("common.genericError");
    },
    [t],
  );
}
