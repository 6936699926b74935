import type { Ref } from "react";
import { useTranslation } from "react-i18next";
import { Spinner } from "../../../components/ui/spinner";
import { cn } from "../../../lib/cn";
import { Kbd } from "./kbd";

type Props = {
  disabled: boolean;
  /** Why it is disabled, shown under the button. */
  reason: string | null;
  loading: boolean;
  waiting: number;
  onClick: () => void;
  ref?: Ref<HTMLButtonElement>;
};

/** The one big button of the day: "Keyingisini chaqirish". */
export function CallNextButton({ disabled, reason, loading, waiting, onClick, ref }: Props) {
  const { t } = useTranslation();
  return (
    <div>
      <button
        ref={ref}
        type="button"
        onClick={onClick}
        disabled={disabled || loading}
        aria-busy={loading || undefined}
        aria-describedby={reason ? "call-next-reason" : undefined}
        data-testid="call-next"
        className={cn(
          "flex h-20 w-full items-center justify-center gap-3 rounded-xl text-2xl font-bold shadow-sm",
          "focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
          "bg-indigo-600 text-white hover:bg-indigo-700",
          "disabled:cursor-not-allowed disabled:bg-zinc-200 disabled:text-zinc-500 disabled:shadow-none",
        )}
      >
        {loading && <Spinner />}
        {t("queue.actions.callNext")}
        {waiting > 0 && (
          <span className="rounded-full bg-white/20 px-2.5 text-base tabular-nums">{waiting}</span>
        )}
        <span className="ml-2 flex gap-1 text-base font-medium">
          <Kbd>{t("queue.shortcuts.space")}</Kbd>
          <Kbd>N</Kbd>
        </span>
      </button>
      {reason && (
        <p id="call-next-reason" className="mt-1.5 text-center text-sm text-zinc-600">
          {reason}
        </p>
      )}
    </div>
  );
}
