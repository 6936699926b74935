// The kiosk's two kinds of buttons: at least 80 px high, big type, a strong focus ring; a
// disabled one is plainly grey, so nobody keeps tapping a button that looks almost ready.
export const PRIMARY =
  "min-h-20 rounded-2xl bg-indigo-600 px-6 text-2xl font-bold text-white shadow active:bg-indigo-700 disabled:bg-zinc-300 disabled:text-zinc-700 disabled:shadow-none focus-visible:outline-4 focus-visible:outline-offset-4 focus-visible:outline-indigo-600";
export const SECONDARY =
  "min-h-20 rounded-2xl bg-white px-6 text-2xl font-semibold text-zinc-900 ring-2 ring-zinc-300 active:bg-zinc-100 disabled:bg-zinc-100 disabled:text-zinc-600 disabled:ring-zinc-200 focus-visible:outline-4 focus-visible:outline-offset-4 focus-visible:outline-indigo-600";
