import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../lib/api/api-error";
import { useErrorMessage } from "../../../lib/errors";
import { uzSetup } from "../../../lib/i18n/setup/uz";
import { pathErrors } from "./form-errors";

type SetupCode = keyof typeof uzSetup.errors;
const isSetupCode = (code: string): code is SetupCode => Object.hasOwn(uzSetup.errors, code);

export type ExplainedError = { message: string; fields: Record<string, string> };

/**
 * A failed save as the person should read it: a sentence in their language and the field
 * problems by path. "Already taken" answers get the caller's own words for each field.
 */
export function useSetupError(): (
  error: unknown,
  taken?: Record<string, string>,
) => ExplainedError {
  const { t } = useTranslation();
  const generic = useErrorMessage();
  return useCallback(
    (error, taken = {}) => {
      const fields = pathErrors(error);
      if (!isApiError(error)) return { message: generic(error), fields };
      if (error.code === "ALREADY_EXISTS") {
        for (const path of Object.keys(fields))
          fields[path] = taken[path] ?? t("setup.errors.taken");
      }
      const message = isSetupCode(error.code) ? t(`setup.errors.${error.code}`) : generic(error);
      return { message, fields };
    },
    [t, generic],
  );
}
