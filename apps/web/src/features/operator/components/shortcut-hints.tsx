import { useTranslation } from "react-i18next";

const HINTS = [
  ["space", "callNext"],
  ["R", "recall"],
  ["A", "arrived"],
  ["X", "noShow"],
  ["F", "finish"],
  ["T", "transfer"],
  ["I", "newTicket"],
] as const;

/** The keyboard shortcuts, always visible so nobody has to remember them. */
export function ShortcutHints() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="shortcuts-title" className="text-xs text-zinc-600">
      <h2 id="shortcuts-title" className="sr-only">
        {t("queue.operator.shortcutsTitle")}
      </h2>
      <ul className="flex flex-wrap gap-x-3 gap-y-1">
        {HINTS.map(([key, action]) => (
          <li key={action} className="flex items-center gap-1">
            <kbd className="rounded border border-zinc-300 bg-white px-1.5 font-mono font-semibold text-zinc-800 shadow-xs">
              {key === "space" ? `${t("queue.shortcuts.space")} / N` : key}
            </kbd>
            {t(`queue.shortcuts.${action}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
