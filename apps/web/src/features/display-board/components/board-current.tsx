import { useTranslation } from "react-i18next";
import { cn } from "../../../lib/cn";
import { useLocalized } from "../../../lib/localized";
import type { BoardCall } from "../api/board.types";

/** The newest call, as large as the screen allows: "K-012 → 3-oyna". */
export function BoardCurrent({
  call,
  announcing,
}: {
  call: BoardCall | null;
  announcing: boolean;
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <section
      aria-labelledby="board-current-title"
      data-testid="board-current"
      data-announcing={announcing || undefined}
      className={cn(
        "flex min-h-0 flex-col items-center justify-center rounded-[3vh] px-[2vw] text-center",
        announcing ? "bg-amber-400 text-slate-950" : "bg-indigo-800 text-white",
      )}
    >
      <h2
        id="board-current-title"
        className={cn(
          "text-[4vh] font-semibold tracking-[0.2em] uppercase",
          announcing ? "text-slate-900" : "text-amber-300",
        )}
      >
        {t("queue.board.nowCalling")}
      </h2>
      {call ? (
        <>
          <p
            className="mt-[1vh] text-[24vh] leading-none font-black tracking-tight tabular-nums"
            data-testid="board-current-label"
          >
            {call.label}
          </p>
          <p className="mt-[2vh] flex items-center gap-[1.5vw] text-[10vh] leading-none font-bold">
            <span aria-hidden="true">→</span>
            <span data-testid="board-current-counter">
              {t("queue.counterName", { number: call.counter })}
            </span>
          </p>
          <p
            className={cn(
              "mt-[3vh] max-w-full truncate text-[3.6vh]",
              announcing ? "text-slate-800" : "text-indigo-100",
            )}
          >
            {localized(call.serviceName)}
          </p>
        </>
      ) : (
        <p className="mt-[4vh] text-[5vh] text-indigo-100">{t("queue.board.noCalls")}</p>
      )}
    </section>
  );
}
