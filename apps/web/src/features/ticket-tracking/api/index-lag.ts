import { isApiError } from "../../../lib/api/api-error";

/**
 * The routes that find a ticket by its token alone (the bare /t/ link, push, channels, the
 * Telegram link) read the platform's index of tickets, which follows an issue by a fraction of
 * a second: a page opened at once may ask too early. A "not found" then is asked twice more.
 */
export const WAIT_FOR_TICKET_INDEX = {
  retry: (failures: number, error: unknown) =>
    failures < 2 && isApiError(error) && error.status === 404,
  retryDelay: 700,
};
