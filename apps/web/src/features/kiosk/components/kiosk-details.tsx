import { useState } from "react";
import { useTranslation } from "react-i18next";
import { cn } from "../../../lib/cn";
import { currentLanguage } from "../../../lib/i18n";
import { useLocalized } from "../../../lib/localized";
import type { KioskService } from "../api/kiosk.api";
import { addDigit, isCompletePhone, maskPhone, phoneForServer } from "../phone-mask";
import { PRIMARY, SECONDARY } from "./kiosk-styles";
import { DigitKeypad, LetterKeyboard, layoutFor } from "./on-screen-keys";

const MAX_NAME = 60;

/** A letter typed on the keyboard: a capital after a space, small letters inside a word. */
function typeInto(name: string, key: string): string {
  if (name.length >= MAX_NAME) return name;
  if (key === " ") return name === "" || name.endsWith(" ") ? name : name + " ";
  const wordStart = name === "" || name.endsWith(" ") || name.endsWith("-");
  return name + (wordStart ? key : key.toLocaleLowerCase());
}

export type KioskDetails = { name?: string; phone?: string };

/**
 * The optional name and phone, typed on the screen's own keys (a kiosk has no keyboard): the
 * phone behind a +998 mask. Nothing here outlives the screen: the values live in this
 * component's state and go when it closes.
 */
export function KioskDetailsForm({
  service,
  busy,
  error,
  onBack,
  onSubmit,
}: {
  service: KioskService;
  busy: boolean;
  error: string | null;
  onBack: () => void;
  onSubmit: (details: KioskDetails) => void;
}) {
  const { t } = useTranslation();
  const local = useLocalized();
  const [field, setField] = useState<"name" | "phone">("phone");
  const [name, setName] = useState("");
  const [digits, setDigits] = useState("");
  const [incomplete, setIncomplete] = useState(false);

  const submit = () => {
    if (digits && !isCompletePhone(digits)) {
      setIncomplete(true);
      setField("phone");
      return;
    }
    onSubmit({
      ...(name.trim() && { name: name.trim() }),
      ...(digits && { phone: phoneForServer(digits) }),
    });
  };
  const message = incomplete ? t("kiosk.details.phoneIncomplete") : error;

  const fieldButton = (which: "name" | "phone", label: string, value: string, empty: boolean) => (
    <button
      type="button"
      onClick={() => setField(which)}
      aria-pressed={field === which}
      data-testid={`kiosk-${which}`}
      className={cn(
        "flex min-h-24 w-full flex-col justify-center rounded-2xl bg-white px-6 py-3 text-left ring-2",
        field === which ? "ring-4 ring-indigo-600" : "ring-zinc-300",
      )}
    >
      <span className="text-xl font-semibold text-zinc-700">{label}</span>
      <span
        className={cn(
          "font-mono text-3xl tracking-wide",
          empty ? "text-zinc-500" : "text-zinc-950",
        )}
      >
        {value}
      </span>
    </button>
  );

  return (
    <section aria-labelledby="kiosk-details-title" className="flex flex-col gap-6">
      <div>
        <p className="text-2xl font-semibold text-indigo-700">{local(service.name)}</p>
        <h1 id="kiosk-details-title" className="mt-1 text-4xl font-bold text-zinc-950">
          {t("kiosk.details.title")}
        </h1>
        <p className="mt-2 text-2xl text-zinc-700">{t("kiosk.details.hint")}</p>
      </div>
      <div className="grid gap-4">
        {fieldButton("phone", t("kiosk.details.phone"), maskPhone(digits), digits === "")}
        {fieldButton("name", t("kiosk.details.name"), name || "—", name === "")}
      </div>
      <div className="rounded-2xl bg-zinc-100 p-4">
        {field === "phone" ? (
          <DigitKeypad
            onDigit={(d) => {
              setIncomplete(false);
              setDigits((v) => addDigit(v, d));
            }}
            onBack={() => setDigits((v) => v.slice(0, -1))}
            onClear={() => setDigits("")}
          />
        ) : (
          <LetterKeyboard
            layout={layoutFor(currentLanguage())}
            onKey={(key) => setName((v) => typeInto(v, key))}
            onBack={() => setName((v) => v.slice(0, -1))}
          />
        )}
      </div>
      {message && (
        <p
          role="alert"
          className="rounded-xl bg-red-50 px-6 py-4 text-2xl text-red-900 ring-1 ring-red-300"
        >
          {message}
        </p>
      )}
      <div className="grid grid-cols-[1fr_1fr_1.4fr] gap-4">
        <button type="button" onClick={onBack} disabled={busy} className={SECONDARY}>
          {t("kiosk.back")}
        </button>
        <button type="button" onClick={() => onSubmit({})} disabled={busy} className={SECONDARY}>
          {t("kiosk.details.skip")}
        </button>
        <button
          type="button"
          onClick={submit}
          disabled={busy}
          data-testid="kiosk-issue"
          className={PRIMARY}
        >
          {busy ? t("kiosk.details.issuing") : t("kiosk.details.submit")}
        </button>
      </div>
    </section>
  );
}
