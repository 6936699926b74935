import { useEffect, useState } from "react";

/** The current time in ms, re-rendering every `intervalMs` (for clocks and "waited 3 min"). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Seconds as "4:05" (or "1:02:09" past an hour): how long someone waited or was served. */
export function formatElapsed(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(rest)}` : `${m}:${pad(rest)}`;
}

/** A measured duration (an average, a total) as "4:05": rounded to the second, not cut. */
export function formatSeconds(seconds: number): string {
  return formatElapsed(Math.round(seconds));
}

/** "14:05" in 24-hour time, as clocks in Uzbekistan show it. */
export function formatClock(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
