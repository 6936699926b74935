import { DEVICE_SETTINGS_DEFAULTS, DEVICE_SETTINGS_LIMITS } from "@equeue/contracts";
import { SPEECH_LANG, type SpeechLang } from "@equeue/core";
import { DisplayBoard } from "../../../features/display-board/components/display-board";
import { isLanguage, textLanguageOf } from "../../../lib/i18n";

/** What the pairing gate hands a paired screen. */
export type PairedDisplay = {
  token: string;
  settings?: Record<string, unknown> | null;
  /** The branch's time zone, for the hall clock. */
  timeZone?: string;
};

const SPOKEN: readonly SpeechLang[] = [SPEECH_LANG.UZ, SPEECH_LANG.RU];
const isSpoken = (value: unknown): value is SpeechLang =>
  typeof value === "string" && (SPOKEN as readonly string[]).includes(value);

const DEFAULTS = DEVICE_SETTINGS_DEFAULTS.DISPLAY;
const HISTORY = DEVICE_SETTINGS_LIMITS.historySize;

/** Display settings from the admin panel, with the server's defaults (@equeue/contracts). */
export function boardSettings(settings: Record<string, unknown> | null | undefined) {
  const configured: unknown[] = Array.isArray(settings?.languages)
    ? settings.languages
    : [...DEFAULTS.languages];
  // A uz-Cyrl board speaks Uzbek: the words are the same, only the letters differ.
  const spoken = configured.map((l) => (isLanguage(l) ? textLanguageOf(l) : l));
  const languages = [...new Set(spoken.filter(isSpoken))];
  const history = settings?.historySize;
  return {
    languages: languages.length ? languages : [SPEECH_LANG.UZ],
    screenLanguages: configured.filter(isLanguage),
    voice: settings?.voice !== false,
    historySize:
      typeof history === "number" && history >= HISTORY.min && history <= HISTORY.max
        ? history
        : DEFAULTS.historySize,
  };
}

/** `/d/:slug/:branch` once paired: the hall TV. */
export function DisplayBoardPage({
  slug,
  device,
  onUnpaired,
}: {
  slug: string;
  device: PairedDisplay;
  onUnpaired?: () => void;
}) {
  return (
    <DisplayBoard
      slug={slug}
      deviceToken={device.token}
      timeZone={device.timeZone}
      {...boardSettings(device.settings)}
      onUnpaired={onUnpaired}
    />
  );
}
