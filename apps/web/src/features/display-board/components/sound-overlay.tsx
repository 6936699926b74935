import { useBoardText } from "../hooks/board-language";

/**
 * Browsers keep sound off until someone touches the screen once; this asks for that touch. It
 * sits in the empty middle of the header so it never hides a call or a waiting count.
 */
export function SoundOverlay({ onEnable }: { onEnable: () => void }) {
  const { t1: t } = useBoardText();
  return (
    <button
      type="button"
      onClick={onEnable}
      data-testid="enable-sound"
      className="fixed top-[calc(var(--board-u)*1.5)] left-1/2 z-20 flex h-[calc(var(--board-u)*10)] max-w-[40vw] -translate-x-1/2 portrait:top-auto portrait:bottom-[calc(var(--board-u)*16)] portrait:max-w-[80vw] items-center gap-[1vw] rounded-[calc(var(--board-u)*2)] bg-amber-400 px-[2vw] text-left text-slate-950 shadow-2xl ring-4 ring-amber-200/60 hover:bg-amber-300 focus-visible:outline-4 focus-visible:outline-offset-4 focus-visible:outline-white"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="size-[calc(var(--board-u)*5)] shrink-0"
        fill="currentColor"
      >
        <path d="M3 9v6h4l5 5V4L7 9H3zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z" />
      </svg>
      <span className="min-w-0">
        <span className="block text-[calc(var(--board-u)*3.4)] leading-tight font-bold">
          {t("queue.board.enableSound")}
        </span>
        <span className="block text-[calc(var(--board-u)*1.8)] leading-tight">
          {t("queue.board.enableSoundHint")}
        </span>
      </span>
    </button>
  );
}
