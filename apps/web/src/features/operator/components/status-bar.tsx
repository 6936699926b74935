import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/ui/button";
import { LanguageSwitch } from "../../../components/ui/language-switch";
import { Logo } from "../../../components/ui/logo";
import { cn } from "../../../lib/cn";
import type { ConnectionStatus } from "../../../lib/realtime/use-realtime";
import type { OperatorStatus } from "../api/operator.types";
import { ConnectionPill } from "./connection-pill";

const CHOICES = ["AVAILABLE", "BREAK", "AWAY"] as const satisfies readonly OperatorStatus[];

const statusTone: Record<OperatorStatus, string> = {
  AVAILABLE: "border-emerald-600 bg-emerald-50 text-emerald-900",
  BREAK: "border-amber-500 bg-amber-50 text-amber-900",
  AWAY: "border-zinc-400 bg-zinc-100 text-zinc-800",
  OFFLINE: "border-zinc-300 bg-white text-zinc-700",
};

type Props = {
  companyName: string;
  logoUrl: string | null;
  operatorName: string;
  branchName: string;
  counterNumber: number | null;
  status: OperatorStatus;
  reason: string | null;
  connection: ConnectionStatus;
  statusPending: boolean;
  onStatus: (status: Exclude<OperatorStatus, "OFFLINE">) => void;
  onEndWork: () => void;
  onLogout: () => void;
};

/** Who works where, in which state, and whether the screen is live. */
export function StatusBar(props: Props) {
  const { t } = useTranslation();
  const statusId = useId();
  return (
    <header className="flex h-14 shrink-0 items-center gap-3 border-b border-zinc-200 bg-white px-4">
      <Logo url={props.logoUrl} name={props.companyName} size="sm" />
      <div className="min-w-0 leading-tight">
        <p className="truncate text-sm font-semibold text-zinc-900" data-testid="operator-name">
          {props.operatorName}
        </p>
        <p className="truncate text-xs text-zinc-500">
          {props.companyName} · {props.branchName}
        </p>
      </div>
      {props.counterNumber !== null && (
        <span
          className="ml-1 rounded-md bg-zinc-900 px-3 py-1 text-base font-bold text-white"
          data-testid="operator-counter"
        >
          {t("queue.counterName", { number: props.counterNumber })}
        </span>
      )}
      <div className="ml-auto flex items-center gap-2">
        <label htmlFor={statusId} className="text-sm text-zinc-600">
          {t("queue.operator.statusLabel")}
        </label>
        <select
          id={statusId}
          data-testid="operator-status"
          value={props.status === "OFFLINE" ? "AWAY" : props.status}
          disabled={props.statusPending || props.counterNumber === null}
          onChange={(event) => {
            const value = CHOICES.find((c) => c === event.target.value);
            if (value) props.onStatus(value);
          }}
          className={cn(
            "h-9 rounded-md border-2 px-2 text-sm font-semibold focus:outline-2 focus:outline-offset-1 focus:outline-indigo-600",
            statusTone[props.status],
          )}
        >
          {CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`queue.operatorStatus.${choice}`)}
            </option>
          ))}
        </select>
        {props.status === "BREAK" && props.reason && (
          <span className="max-w-40 truncate text-sm text-amber-800" title={props.reason}>
            {props.reason}
          </span>
        )}
        <ConnectionPill status={props.connection} />
        <LanguageSwitch />
        {props.counterNumber !== null && (
          <Button variant="secondary" size="sm" onClick={props.onEndWork}>
            {t("queue.operator.endWork")}
          </Button>
        )}
        <Button variant="ghost" size="sm" onClick={props.onLogout}>
          {t("common.logout")}
        </Button>
      </div>
    </header>
  );
}
