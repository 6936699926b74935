import { useTranslation } from "react-i18next";
import { cn } from "../../../lib/cn";

const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "back"] as const;

/** A phone-style keypad with 72 px keys, for touch screens without a keyboard; the form submits. */
export function CodeKeypad({
  onDigit,
  onBack,
  onClear,
  disabled,
}: {
  onDigit: (digit: string) => void;
  onBack: () => void;
  onClear: () => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const label = (key: (typeof KEYS)[number]) =>
    key === "back" ? t("setup.pairing.erase") : key === "clear" ? t("setup.pairing.clear") : key;
  return (
    <div className="grid grid-cols-3 gap-3" role="group" aria-label={t("setup.pairing.keypad")}>
      {KEYS.map((key) => (
        <button
          key={key}
          type="button"
          disabled={disabled}
          onClick={() => (key === "back" ? onBack() : key === "clear" ? onClear() : onDigit(key))}
          aria-label={label(key)}
          className={cn(
            "flex h-18 min-w-18 items-center justify-center rounded-xl font-semibold shadow-sm transition-colors select-none",
            "focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-40",
            key === "back" || key === "clear"
              ? "bg-zinc-200 text-lg text-zinc-700 active:bg-zinc-300"
              : "bg-white text-3xl text-zinc-900 ring-1 ring-zinc-200 active:bg-zinc-100",
          )}
        >
          {key === "back" ? <span className="text-3xl">⌫</span> : label(key)}
        </button>
      ))}
    </div>
  );
}
