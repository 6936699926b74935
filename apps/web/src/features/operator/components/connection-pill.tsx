import { useTranslation } from "react-i18next";
import { cn } from "../../../lib/cn";
import type { ConnectionStatus } from "../../../lib/realtime/use-realtime";

const tone: Record<ConnectionStatus, string> = {
  online: "bg-emerald-50 text-emerald-800 ring-emerald-600/30",
  connecting: "bg-amber-50 text-amber-900 ring-amber-600/30",
  offline: "bg-red-600 text-white ring-red-700",
};

/** Live-updates state: green when live, red and loud when the socket is down. */
export function ConnectionPill({ status }: { status: ConnectionStatus }) {
  const { t } = useTranslation();
  return (
    <span
      role="status"
      data-testid="connection-status"
      data-status={status}
      className={cn(
        "inline-flex items-center gap-2 rounded-full px-3 py-1 text-sm font-medium whitespace-nowrap ring-1 ring-inset",
        tone[status],
      )}
    >
      <span
        aria-hidden="true"
        className={cn("size-2 rounded-full bg-current", status !== "online" && "animate-pulse")}
      />
      {t(`queue.connection.${status}`)}
    </span>
  );
}
