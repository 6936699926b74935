import type { TelegramAvailabilityDto, TelegramLinkDto, Wire } from "@equeue/contracts";
import type { Language } from "../../../lib/i18n";
import { requestJson } from "../../../lib/api/http";

/** Whether this platform has a Telegram bot to follow tickets with. */
export function fetchTelegramAvailable(signal?: AbortSignal) {
  return requestJson<TelegramAvailabilityDto>("/api/public/telegram", { signal });
}

/** A one-time t.me deep link that makes the opening chat follow this ticket. */
export function createTelegramLink(token: string, language: Language) {
  return requestJson<Wire<TelegramLinkDto>>(
    `/api/public/tickets/${encodeURIComponent(token)}/telegram`,
    { method: "POST", body: { language } },
  );
}
