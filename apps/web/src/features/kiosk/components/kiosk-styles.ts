// The kiosk's two kinds of buttons: at least 80 px high, big type, a strong focus ring.
export const PRIMARY =
  "min-h-20 rounded-2xl bg-indigo-600 px-6 text-2xl font-bold text-white shadow active:bg-indigo-700 disabled:opacity-60 focus-visible:outline-4 focus-visible:outline-offset-4 focus-visible:outline-indigo-600";
export const SECONDARY =
  "min-h-20 rounded-2xl bg-white px-6 text-2xl font-semibold text-zinc-900 ring-2 ring-zinc-300 active:bg-zinc-100 disabled:opacity-60 focus-visible:outline-4 focus-visible:outline-offset-4 focus-visible:outline-indigo-600";
