import { SPEECH_LANG, type SpeechLang } from "@equeue/core";
import { DisplayBoard } from "../../../features/display-board/components/display-board";
import { isLanguage } from "../../../lib/i18n";

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

/** Display settings from the admin panel, with the defaults the server documents. */
export function boardSettings(settings: Record<string, unknown> | null | undefined) {
  const configured: unknown[] = Array.isArray(settings?.languages)
    ? settings.languages
    : [SPEECH_LANG.UZ, SPEECH_LANG.RU];
  const languages = configured.filter(isSpoken);
  const history = settings?.historySize;
  return {
    languages: languages.length ? languages : [SPEECH_LANG.UZ],
    screenLanguages: configured.filter(isLanguage),
    voice: settings?.voice !== false,
    historySize: typeof history === "number" && history >= 1 && history <= 20 ? history : 6,
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
