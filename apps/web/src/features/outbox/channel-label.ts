import type { TFunction } from "i18next";

const CHANNELS = ["email", "sms", "telegram", "push"] as const;

/** A channel of the outbox (email, sms…) as the reader's language names it. */
export function channelLabel(t: TFunction, channel: string): string {
  return (CHANNELS as readonly string[]).includes(channel)
    ? t(`figures.channels.${channel as (typeof CHANNELS)[number]}`)
    : channel;
}
