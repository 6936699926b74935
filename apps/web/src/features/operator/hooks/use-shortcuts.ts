import { useEffect, useRef } from "react";

/** Physical key (`event.code`: "Space", "KeyN") → action; the same keys work on a Cyrillic layout. */
export type ShortcutMap = Partial<Record<string, () => void>>;

const TYPING = new Set(["INPUT", "TEXTAREA", "SELECT"]);
const ACTIVATES_ON_SPACE = new Set(["BUTTON", "A", "SUMMARY"]);

/**
 * Single-key shortcuts for the workplace. Typing in a field, an open dialog or a modifier key
 * switch them off; Space is left to a focused button so keyboard users keep native activation.
 */
export function useShortcuts(map: ShortcutMap, enabled = true): void {
  const latest = useRef(map);
  latest.current = map;

  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target && (TYPING.has(target.tagName) || target.isContentEditable)) return;
      if (document.querySelector("dialog[open]")) return;
      const key = event.code;
      if (key === "Space" && target && ACTIVATES_ON_SPACE.has(target.tagName)) return;
      if (key === "Space" && target?.getAttribute("role")?.match(/^(button|radio|checkbox|tab)$/))
        return;
      const action = latest.current[key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}
