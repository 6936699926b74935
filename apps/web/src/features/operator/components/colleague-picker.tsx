import { useTranslation } from "react-i18next";
import { Badge, type BadgeTone } from "../../../components/ui/badge";
import { cn } from "../../../lib/cn";
import type { OperatorOption, OperatorStatus } from "../api/operator.types";

export type Colleague = OperatorOption & { status: OperatorStatus; serviceIds: string[] };

const TONE: Record<OperatorStatus, BadgeTone> = {
  AVAILABLE: "green",
  BREAK: "amber",
  AWAY: "amber",
  OFFLINE: "gray",
};

type Props = {
  /** The radio group's name (and id prefix). */
  name: string;
  colleagues: Colleague[];
  serviceId: string;
  serviceName: string;
  value: string;
  onChange: (operatorId: string) => void;
};

/** Why a colleague cannot take the customer now, or null when they can. */
export function colleagueRefusal(colleague: Colleague, serviceId: string) {
  if (colleague.status === "OFFLINE") return "offline" as const;
  if (!colleague.serviceIds.includes(serviceId)) return "notServing" as const;
  return null;
}

/**
 * The branch's operators as one radio group: who is at which counter and in what state. One who
 * is not at work, or does not serve the service, is shown but cannot be chosen (the server
 * would refuse). Native radios, so arrow keys move between the choosable ones.
 */
export function ColleaguePicker({
  name,
  colleagues,
  serviceId,
  serviceName,
  value,
  onChange,
}: Props) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend className="mb-1.5 block text-sm font-medium text-zinc-800">
        {t("queue.transfer.operatorLabel")}
      </legend>
      {colleagues.length === 0 ? (
        <p className="text-sm text-zinc-500">{t("queue.transfer.noColleagues")}</p>
      ) : (
        <ul
          className="max-h-72 space-y-1.5 overflow-y-auto p-0.5"
          data-testid="transfer-colleagues"
        >
          {colleagues.map((colleague) => {
            const refusal = colleagueRefusal(colleague, serviceId);
            const infoId = `${name}-${colleague.id}-info`;
            const info = [
              colleague.counterNumber !== null
                ? t("queue.counterName", { number: colleague.counterNumber })
                : null,
              refusal === "offline"
                ? t("queue.transfer.offline")
                : refusal === "notServing"
                  ? t("queue.transfer.notServing", { service: serviceName })
                  : colleague.status !== "AVAILABLE"
                    ? t("queue.transfer.waitsForReturn")
                    : null,
            ].filter(Boolean);
            return (
              <li key={colleague.id}>
                <label
                  data-testid="transfer-colleague"
                  data-refusal={refusal ?? undefined}
                  className={cn(
                    "flex items-center gap-3 rounded-md border-2 px-3 py-2 has-checked:border-indigo-600 has-checked:bg-indigo-50 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-indigo-600",
                    refusal
                      ? "cursor-not-allowed border-zinc-100 bg-zinc-50 text-zinc-500"
                      : "cursor-pointer border-zinc-200 hover:bg-zinc-50",
                  )}
                >
                  <input
                    type="radio"
                    name={name}
                    value={colleague.id}
                    checked={value === colleague.id}
                    disabled={refusal !== null}
                    aria-describedby={info.length ? infoId : undefined}
                    onChange={() => onChange(colleague.id)}
                    className="size-4 shrink-0 accent-indigo-600"
                  />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-medium">{colleague.name}</span>
                    {info.length > 0 && (
                      <span id={infoId} className="block text-xs text-zinc-500">
                        {info.join(" · ")}
                      </span>
                    )}
                  </span>
                  <Badge tone={TONE[colleague.status]} dot>
                    {t(`queue.operatorStatus.${colleague.status}`)}
                  </Badge>
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
