import type {
  ChannelsInput,
  ChannelsResponseDto,
  PushKeyDto,
  PushRemovedDto,
  PushSubscribedDto,
  TicketChannelsDto,
  Wire,
} from "@equeue/contracts";
import type { Language } from "../../../lib/i18n";
import { requestJson } from "../../../lib/api/http";

const ticketBase = (token: string) => `/api/public/tickets/${encodeURIComponent(token)}`;

export type TicketChannels = Wire<TicketChannelsDto>;

/** The platform's VAPID public key (for PushManager.subscribe). */
export function fetchPushKey() {
  return requestJson<PushKeyDto>("/api/public/push/key");
}

/** This browser follows the ticket by push (and the signed-in account, with its token). */
export function subscribePush(
  token: string,
  subscription: PushSubscriptionJSON,
  language: Language,
  customerToken: string | null,
) {
  return requestJson<PushSubscribedDto>(`${ticketBase(token)}/push`, {
    method: "POST",
    body: { subscription, language },
    token: customerToken,
  });
}

export function unsubscribePush(token: string, endpoint: string) {
  return requestJson<PushRemovedDto>(`${ticketBase(token)}/push/unsubscribe`, {
    method: "POST",
    body: { endpoint },
  });
}

export function fetchTicketChannels(token: string, signal?: AbortSignal) {
  return requestJson<TicketChannels>(`${ticketBase(token)}/channels`, { signal });
}

export function setTicketChannels(token: string, on: ChannelsInput) {
  return requestJson<ChannelsResponseDto>(`${ticketBase(token)}/channels`, {
    method: "PUT",
    body: on,
  });
}
