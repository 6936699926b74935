import { useTranslation } from "react-i18next";
import { formatElapsed } from "../../../lib/use-now";
import type { CounterSession } from "../api/operator.types";
import { ActionButton } from "./action-button";

/** On a break or away: says so loudly, for how long, and offers the way back in one press. */
export function AwayBanner({
  session,
  now,
  pending,
  onResume,
}: {
  session: CounterSession;
  now: number;
  pending: boolean;
  onResume: () => void;
}) {
  const { t } = useTranslation();
  const since = Math.max(0, (now - Date.parse(session.since)) / 1000);
  return (
    <div
      role="status"
      data-testid="away-banner"
      className="flex items-center gap-4 rounded-xl border-2 border-amber-400 bg-amber-50 px-5 py-3"
    >
      <div className="min-w-0 flex-1">
        <p className="text-lg font-bold text-amber-950">
          {t(`queue.operatorStatus.${session.status}`)}
          {session.reason ? ` — ${session.reason}` : ""}
        </p>
        <p className="text-sm text-amber-900 tabular-nums">
          {t("queue.operator.awayFor", { time: formatElapsed(since) })}
        </p>
      </div>
      <ActionButton tone="go" loading={pending} onClick={onResume}>
        {t("queue.operator.resume")}
      </ActionButton>
    </div>
  );
}
