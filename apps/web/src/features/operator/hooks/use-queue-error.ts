import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../lib/api/api-error";
import { useErrorMessage } from "../../../lib/errors";
import { queueUz } from "../../../lib/i18n/queue/uz";

type QueueCode = keyof typeof queueUz.errors;
const isQueueCode = (code: string): code is QueueCode => Object.hasOwn(queueUz.errors, code);

/** Error text for queue actions: the queue's own refusals first, then the app-wide codes. */
export function useQueueErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  const general = useErrorMessage();
  return useCallback(
    (error: unknown) =>
      isApiError(error) && isQueueCode(error.code)
        ? t(`queue.errors.${error.code}`)
        : general(error),
    [t, general],
  );
}
