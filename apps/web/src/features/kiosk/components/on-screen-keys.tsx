import { useTranslation } from "react-i18next";
import { cn } from "../../../lib/cn";

const KEY =
  "flex items-center justify-center rounded-xl font-semibold shadow-sm select-none transition-colors focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-40";
const PLAIN = "bg-white text-zinc-900 ring-1 ring-zinc-300 active:bg-zinc-100";
const SPECIAL = "bg-zinc-200 text-zinc-800 active:bg-zinc-300";

const DIGITS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "back"] as const;

/** Digits for the phone number: 80 px keys (96 on a portrait screen), in a phone's order. */
export function DigitKeypad({
  onDigit,
  onBack,
  onClear,
}: {
  onDigit: (digit: string) => void;
  onBack: () => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="grid grid-cols-3 gap-3" role="group" aria-label={t("kiosk.details.digits")}>
      {DIGITS.map((key) => {
        const special = key === "back" || key === "clear";
        return (
          <button
            key={key}
            type="button"
            onClick={() => (key === "back" ? onBack() : key === "clear" ? onClear() : onDigit(key))}
            aria-label={
              key === "back"
                ? t("kiosk.details.erase")
                : key === "clear"
                  ? t("kiosk.details.clear")
                  : undefined
            }
            className={cn(
              KEY,
              "h-20 portrait:h-24",
              special ? SPECIAL : PLAIN,
              key === "clear" ? "text-2xl" : "text-4xl",
            )}
          >
            {key === "back" ? "⌫" : key === "clear" ? t("kiosk.details.clear") : key}
          </button>
        );
      })}
    </div>
  );
}

// Rows of the letter keyboard: Latin (with the Uzbek ʻ) for uz and en, Russian for ru, and the
// Uzbek Cyrillic layout (ў қ ғ ҳ where the Russian has щ ы ь) for uz-Cyrl.
export const KEYBOARD_LAYOUTS = {
  latin: ["QWERTYUIOP", "ASDFGHJKLʻ", "ZXCVBNM-"],
  russian: ["ЙЦУКЕНГШЩЗХ", "ФЫВАПРОЛДЖЭ", "ЯЧСМИТЬБЮЁ-"],
  uzbekCyrillic: ["ЙЦУКЕНГШЎЗХЪ", "ФҚВАПРОЛДЖЭ", "ЯЧСМИТҲБЮҒЁ-"],
} as const;

export type KeyboardLayout = keyof typeof KEYBOARD_LAYOUTS;

/** The letters a kiosk offers for a screen language. */
export const layoutFor = (lang: string): KeyboardLayout =>
  lang === "ru" ? "russian" : lang === "uz-Cyrl" ? "uzbekCyrillic" : "latin";

/** Capital letters for a name, laid out like a keyboard; 56 px keys at least. */
export function LetterKeyboard({
  layout,
  onKey,
  onBack,
}: {
  layout: KeyboardLayout;
  onKey: (text: string) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const rows = KEYBOARD_LAYOUTS[layout];
  return (
    <div className="flex flex-col gap-2" role="group" aria-label={t("kiosk.details.letters")}>
      {rows.map((row) => (
        <div key={row} className="flex justify-center gap-2">
          {[...row].map((letter) => (
            <button
              key={letter}
              type="button"
              onClick={() => onKey(letter)}
              className={cn(
                KEY,
                PLAIN,
                "h-16 min-w-14 flex-1 text-2xl portrait:h-20 portrait:text-3xl",
              )}
            >
              {letter}
            </button>
          ))}
        </div>
      ))}
      <div className="flex gap-2">
        <button
          type="button"
          onClick={() => onKey(" ")}
          className={cn(KEY, PLAIN, "h-16 flex-[3] text-2xl portrait:h-20")}
        >
          {t("kiosk.details.space")}
        </button>
        <button
          type="button"
          onClick={onBack}
          aria-label={t("kiosk.details.erase")}
          className={cn(KEY, SPECIAL, "h-16 flex-1 text-4xl portrait:h-20")}
        >
          ⌫
        </button>
      </div>
    </div>
  );
}
