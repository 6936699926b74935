import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import {
  fetchPushKey,
  fetchTicketChannels,
  setTicketChannels,
  subscribePush,
  unsubscribePush,
  type TicketChannels,
} from "../../../features/ticket-tracking/api/push.api";
import {
  currentPushSubscription,
  pushSupported,
  subscribeThisBrowser,
} from "../../../features/ticket-tracking/push-subscription";
import { customerSession } from "../../../lib/auth/customer-session";
import { loadMessages, currentLanguage } from "../../../lib/i18n";
import { notifyMessages } from "../../../lib/i18n/bundles/notify";

/** "Notify me on this phone" and the ticket's channels, loaded after the ticket (with texts). */
export const pushFollowSectionReady = loadMessages(notifyMessages);

type Channel = keyof TicketChannels["on"];

export default function PushFollowSection({ token }: { token: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const supported = pushSupported();
  const [endpoint, setEndpoint] = useState<string | null>(null);
  const [denied, setDenied] = useState(false);
  const channelsKey = ["ticket-channels", token];
  const channels = useQuery({
    queryKey: channelsKey,
    queryFn: ({ signal }) => fetchTicketChannels(token, signal),
  });

  useEffect(() => {
    let live = true;
    void currentPushSubscription()
      .then((s) => live && setEndpoint(s?.endpoint ?? null))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const follow = useMutation({
    mutationFn: async () => {
      const { publicKey } = await fetchPushKey();
      const subscription = await subscribeThisBrowser(publicKey);
      if (subscription === "denied") return null;
      // Signed in to the portal: the account follows too (its later tickets reach this phone).
      const signedIn = customerSession.hadSession() && (await customerSession.ensure());
      await subscribePush(
        token,
        subscription.toJSON(),
        currentLanguage(),
        signedIn ? customerSession.accessToken() : null,
      );
      return subscription.endpoint;
    },
    onSuccess: (subscribed) => {
      setDenied(subscribed === null);
      if (subscribed) setEndpoint(subscribed);
      void client.invalidateQueries({ queryKey: channelsKey });
    },
  });
  const unfollow = useMutation({
    mutationFn: async () => {
      if (endpoint) await unsubscribePush(token, endpoint);
    },
    onSuccess: () => {
      setEndpoint(null);
      void client.invalidateQueries({ queryKey: channelsKey });
    },
  });
  const toggle = useMutation({
    mutationFn: (change: Partial<TicketChannels["on"]>) => setTicketChannels(token, change),
    onSuccess: () => client.invalidateQueries({ queryKey: channelsKey }),
  });

  const data = channels.data;
  const following = endpoint !== null && (data?.pushBrowsers ?? 0) > 0;
  const shown: Channel[] = data
    ? (["sms", "telegram", "push"] as const).filter((c) =>
        c === "sms"
          ? data.hasPhone
          : c === "telegram"
            ? data.telegramChats > 0
            : data.pushBrowsers > 0,
      )
    : [];
  if (!supported && shown.length === 0) return null;
  return (
    <section className="mt-4 rounded-2xl bg-white p-5 shadow-sm" data-testid="push-follow">
      {supported && (
        <div className="text-center">
          <h2 className="font-semibold text-zinc-900">{t("notify.pushTitle")}</h2>
          <p className="mt-1 text-sm text-zinc-600">{t("notify.pushHint")}</p>
          {following ? (
            <div className="mt-3 space-y-2">
              <p className="text-sm font-semibold text-emerald-700" data-testid="push-on">
                {t("notify.pushOn")}
              </p>
              <Button
                variant="ghost"
                onClick={() => unfollow.mutate()}
                disabled={unfollow.isPending}
              >
                {t("notify.pushStop")}
              </Button>
            </div>
          ) : (
            <Button
              className="mt-3 max-w-full text-center whitespace-normal!"
              onClick={() => follow.mutate()}
              disabled={follow.isPending}
              data-testid="push-follow-button"
            >
              {follow.isPending ? t("notify.pushWorking") : t("notify.pushButton")}
            </Button>
          )}
          {denied && (
            <Alert tone="error" className="mt-3">
              {t("notify.pushDenied")}
            </Alert>
          )}
          {(follow.isError || unfollow.isError) && (
            <Alert tone="error" className="mt-3">
              {t("notify.pushFailed")}
            </Alert>
          )}
        </div>
      )}
      {shown.length > 0 && data && (
        <fieldset className="mt-4 border-t border-zinc-100 pt-3" data-testid="ticket-channels">
          <legend className="sr-only">{t("notify.channelsTitle")}</legend>
          <p className="text-sm font-medium text-zinc-700">{t("notify.channelsTitle")}</p>
          {shown.map((c) => (
            <label key={c} className="mt-2 flex items-center justify-between gap-3 text-sm">
              <span>{t(`notify.channel.${c}`)}</span>
              <input
                type="checkbox"
                className="size-5 accent-emerald-600"
                checked={data.on[c]}
                disabled={toggle.isPending}
                onChange={(e) => toggle.mutate({ [c]: e.target.checked })}
                data-testid={`channel-${c}`}
              />
            </label>
          ))}
          <p className="mt-2 text-xs text-zinc-500">{t("notify.channelsHint")}</p>
        </fieldset>
      )}
    </section>
  );
}
