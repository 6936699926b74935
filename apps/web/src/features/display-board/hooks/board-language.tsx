import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { isLanguage, preloadLanguages, type Language } from "../../../lib/i18n";
import type { Messages } from "../../../lib/i18n/uz";
import { pickText, type LocalizedText } from "../../../lib/localized";

// Texts without a count (a counted text goes through `t1` with `{ count }`).
type BoardKey = `queue.board.${Exclude<
  keyof Messages["queue"]["board"],
  `${string}_${"one" | "few" | "many" | "other"}`
>}`;

type BoardText = {
  /** The board's first language: numbers, counters, service names. */
  primary: Language;
  /** One text in the first language. */
  t1: TFunction;
  /** A heading in every board language, "Chaqirilmoqda · Вызывается": halls are bilingual. */
  both: (key: BoardKey) => string;
  /** The same, one text per language, for headings stacked on two lines. */
  each: (key: BoardKey) => string[];
  localized: (text: LocalizedText) => string;
};

/** The board's languages, and a count that moves when another language's texts arrive. */
const LanguagesContext = createContext<{ languages: readonly Language[]; loaded: number }>({
  languages: [],
  loaded: 0,
});

/** The languages the board shows (its display setting); empty means the UI language. */
export function BoardLanguages({
  languages,
  children,
}: {
  languages: readonly string[];
  children: ReactNode;
}) {
  const key = languages.filter(isLanguage).slice(0, 2).join(",");
  const [loaded, setLoaded] = useState(0);
  // Only the screen's own language is loaded at start: fetch the others the board shows, then
  // re-render so the second heading line is not the Uzbek fallback.
  useEffect(() => {
    let live = true;
    void preloadLanguages(key ? (key.split(",") as Language[]) : []).then(() => {
      if (live) setLoaded((n) => n + 1);
    });
    return () => {
      live = false;
    };
  }, [key]);
  const value = useMemo(
    () => ({ languages: key ? (key.split(",") as Language[]) : [], loaded }),
    [key, loaded],
  );
  return <LanguagesContext.Provider value={value}>{children}</LanguagesContext.Provider>;
}

export function useBoardText(): BoardText {
  const { i18n } = useTranslation();
  const { languages: configured, loaded } = useContext(LanguagesContext);
  const ui: Language = isLanguage(i18n.language) ? i18n.language : "uz";
  const languages = configured.length ? configured : [ui];
  const primary = languages[0] ?? ui;
  const key = languages.join(",");
  const t1 = useMemo(() => i18n.getFixedT(primary), [i18n, primary]);
  const each = useCallback<BoardText["each"]>(
    (k) => [...new Set(key.split(",").map((lng) => i18n.getFixedT(lng)(k)))],
    // `loaded`: a language that arrived since changes what getFixedT returns.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [i18n, key, loaded],
  );
  const both = useCallback<BoardText["both"]>((k) => each(k).join(" · "), [each]);
  const localized = useCallback((text: LocalizedText) => pickText(text, primary), [primary]);
  return { primary, t1, both, each, localized };
}
