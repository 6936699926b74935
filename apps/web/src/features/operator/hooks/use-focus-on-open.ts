import { useEffect } from "react";

/**
 * Focuses the element with `id` once its dialog is open. `showModal()` runs after the children
 * mount and moves focus to the first focusable (the close button), so React's `autoFocus` would
 * lose; wait a frame and focus what the person will type into.
 */
export function useFocusOnOpen(open: boolean, id: string): void {
  useEffect(() => {
    if (!open) return;
    const frame = window.requestAnimationFrame(() => document.getElementById(id)?.focus());
    return () => window.cancelAnimationFrame(frame);
  }, [open, id]);
}
