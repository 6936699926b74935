import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import {
  createTelegramLink,
  fetchTelegramAvailable,
} from "../../../features/ticket-tracking/api/telegram.api";
import { loadMessages, currentLanguage } from "../../../lib/i18n";
import { notifyMessages } from "../../../lib/i18n/bundles/notify";

/** "Follow in Telegram", loaded after the ticket (with its texts); hidden without a bot. */
export const telegramFollowSectionReady = loadMessages(notifyMessages);

export default function TelegramFollowSection({ token }: { token: string }) {
  const { t } = useTranslation();
  const available = useQuery({
    queryKey: ["telegram-available"],
    queryFn: ({ signal }) => fetchTelegramAvailable(signal),
    staleTime: 10 * 60_000,
  });
  const link = useMutation({
    mutationFn: () => createTelegramLink(token, currentLanguage()),
    // The link is one-time: open it at once, in Telegram (app or web).
    onSuccess: ({ url }) => window.location.assign(url),
  });
  if (!available.data?.available) return null;
  return (
    <section
      className="mt-4 rounded-2xl bg-white p-5 text-center shadow-sm"
      data-testid="telegram-follow"
    >
      <h2 className="font-semibold text-zinc-900">{t("notify.telegramTitle")}</h2>
      <p className="mt-1 text-sm text-zinc-600">{t("notify.telegramHint")}</p>
      <Button className="mt-3" onClick={() => link.mutate()} disabled={link.isPending}>
        {link.isPending ? t("notify.telegramOpening") : t("notify.telegramButton")}
      </Button>
      {link.isError && (
        <Alert tone="error" className="mt-3">
          {t("notify.telegramFailed")}
        </Alert>
      )}
    </section>
  );
}
