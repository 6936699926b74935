import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import {
  fetchAccountChannels,
  setAccountChannels,
  type AccountChannels,
} from "../api/my-tickets.api";

const KEY = ["customer", "channels"];

/** The account's channels (SMS, Telegram, push): off here is off for every ticket of my phone. */
export function AccountChannelsSection() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const channels = useQuery({ queryKey: KEY, queryFn: fetchAccountChannels });
  const toggle = useMutation({
    mutationFn: (change: Partial<AccountChannels>) => setAccountChannels(change),
    onSuccess: (answer) => client.setQueryData(KEY, answer),
  });
  if (!channels.data) return null;
  const on = channels.data.on;
  return (
    <section
      className="mb-4 rounded-2xl bg-white p-5 shadow-sm"
      data-testid="account-channels"
      aria-labelledby="account-channels-title"
    >
      <h2 id="account-channels-title" className="font-semibold text-zinc-900">
        {t("account.channelsTitle")}
      </h2>
      {(["sms", "telegram", "push"] as const).map((c) => (
        <label key={c} className="mt-2 flex items-center justify-between gap-3 text-sm">
          <span>{t(`account.channel.${c}`)}</span>
          <input
            type="checkbox"
            className="size-5 accent-emerald-600"
            checked={on[c]}
            disabled={toggle.isPending}
            onChange={(e) => toggle.mutate({ [c]: e.target.checked })}
            data-testid={`account-channel-${c}`}
          />
        </label>
      ))}
      <p className="mt-2 text-xs text-zinc-500">{t("account.channelsHint")}</p>
    </section>
  );
}
