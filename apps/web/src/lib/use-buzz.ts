import { useEffect, useRef } from "react";

/**
 * Buzzes the phone once each time `when` becomes true. Browsers refuse vibration until the
 * person has touched the page (and log a warning for each refusal), so it is tried only then;
 * a page never touched stays silent rather than noisy in the console.
 */
export function useBuzzOnce(when: boolean, pattern: number | number[]): void {
  const was = useRef(false);
  useEffect(() => {
    if (when && !was.current) buzz(pattern);
    was.current = when;
  }, [when, pattern]);
}

export function buzz(pattern: number | number[]): boolean {
  if (typeof navigator === "undefined" || !("vibrate" in navigator)) return false;
  const touched = navigator.userActivation?.hasBeenActive ?? true;
  return touched && navigator.vibrate(pattern);
}
