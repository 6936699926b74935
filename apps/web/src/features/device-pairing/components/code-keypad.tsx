import { useTranslation } from "react-i18next";
import { cn } from "../../../lib/cn";

const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "back", "0", "ok"] as const;

/** A phone-style keypad with 72 px keys, for touch screens without a keyboard. */
export function CodeKeypad({
  onDigit,
  onBack,
  onSubmit,
  canSubmit,
  disabled,
}: {
  onDigit: (digit: string) => void;
  onBack: () => void;
  onSubmit: () => void;
  canSubmit: boolean;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="grid grid-cols-3 gap-3" role="group" aria-label={t("setup.pairing.keypad")}>
      {KEYS.map((key) => (
        <button
          key={key}
          type="button"
          disabled={disabled || (key === "ok" && !canSubmit)}
          onClick={() => (key === "back" ? onBack() : key === "ok" ? onSubmit() : onDigit(key))}
          aria-label={
            key === "back"
              ? t("setup.pairing.erase")
              : key === "ok"
                ? t("setup.pairing.submit")
                : key
          }
          className={cn(
            "flex h-18 min-w-18 items-center justify-center rounded-xl text-3xl font-semibold shadow-sm transition-colors select-none",
            "focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-40",
            key === "ok"
              ? "bg-indigo-600 text-white active:bg-indigo-800"
              : "bg-white text-zinc-900 ring-1 ring-zinc-200 active:bg-zinc-100",
          )}
        >
          {key === "back" ? "⌫" : key === "ok" ? "✓" : key}
        </button>
      ))}
    </div>
  );
}
