import { useTranslation } from "react-i18next";

/** Browsers keep sound off until someone touches the screen once; this asks for that touch. */
export function SoundOverlay({ onEnable }: { onEnable: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="fixed right-[2vw] bottom-[12vh] z-20 flex max-w-[32vw] flex-col items-end gap-[1vh]">
      <button
        type="button"
        onClick={onEnable}
        data-testid="enable-sound"
        className="flex items-center gap-[1vw] rounded-[2vh] bg-amber-400 px-[2vw] py-[2vh] text-[3.6vh] font-bold text-slate-950 shadow-2xl ring-4 ring-amber-200/60 hover:bg-amber-300 focus-visible:outline-4 focus-visible:outline-offset-4 focus-visible:outline-white"
      >
        <span aria-hidden="true">🔊</span>
        {t("queue.board.enableSound")}
      </button>
      <p className="rounded-lg bg-slate-900/90 px-[1vw] py-[0.6vh] text-right text-[2vh] text-slate-200">
        {t("queue.board.enableSoundHint")}
      </p>
    </div>
  );
}
