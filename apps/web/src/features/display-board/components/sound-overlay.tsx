import { useTranslation } from "react-i18next";

/** Browsers keep sound off until someone touches the screen once; this asks for that touch. */
export function SoundOverlay({ onEnable }: { onEnable: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="fixed right-[2vw] bottom-[2vh] z-20 flex max-w-[32vw] flex-col items-end gap-[1vh]">
      <button
        type="button"
        onClick={onEnable}
        data-testid="enable-sound"
        className="flex items-center gap-[1vw] rounded-[2vh] bg-amber-400 px-[2vw] py-[2vh] text-[3.6vh] font-bold text-slate-950 shadow-2xl ring-4 ring-amber-200/60 hover:bg-amber-300 focus-visible:outline-4 focus-visible:outline-offset-4 focus-visible:outline-white"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-[4.5vh]" fill="currentColor">
          <path d="M3 9v6h4l5 5V4L7 9H3zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z" />
        </svg>
        {t("queue.board.enableSound")}
      </button>
      <p className="rounded-lg bg-slate-900/90 px-[1vw] py-[0.6vh] text-right text-[2vh] text-slate-200">
        {t("queue.board.enableSoundHint")}
      </p>
    </div>
  );
}
