import { useEffect, useRef, useState } from "react";

/**
 * Calls `onIdle` after `seconds` without a touch or a key while `active` — a kiosk left in the
 * middle of a choice goes back to its start for the next person.
 */
export function useIdleReset(active: boolean, seconds: number, onIdle: () => void): void {
  const latest = useRef(onIdle);
  latest.current = onIdle;
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(() => latest.current(), seconds * 1000);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => latest.current(), seconds * 1000);
    };
    const events = ["pointerdown", "keydown", "wheel"] as const;
    for (const e of events) window.addEventListener(e, restart, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, restart);
    };
  }, [active, seconds]);
}

/** Seconds left of a countdown from `seconds`, ticking once a second; `onDone` at zero. */
export function useCountdown(seconds: number, onDone: () => void): number {
  const [left, setLeft] = useState(seconds);
  const latest = useRef(onDone);
  latest.current = onDone;
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => {
      const remaining = Math.max(0, seconds - Math.floor((Date.now() - started) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(timer);
        latest.current();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [seconds]);
  return left;
}

/** Whether the browser believes it is online (the snapshot's failures say the rest). */
export function useBrowserOnline(): boolean {
  const [online, setOnline] = useState(() =>
    typeof navigator === "undefined" ? true : navigator.onLine,
  );
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener("online", on);
    window.addEventListener("offline", off);
    return () => {
      window.removeEventListener("online", on);
      window.removeEventListener("offline", off);
    };
  }, []);
  return online;
}
