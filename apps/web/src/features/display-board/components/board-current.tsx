import { cn } from "../../../lib/cn";
import type { BoardCall } from "../api/board.types";
import { useBoardText } from "../hooks/board-language";

/** The newest call, as large as the screen allows: "K-012 → 3-oyna". */
export function BoardCurrent({
  call,
  announcing,
}: {
  call: BoardCall | null;
  announcing: boolean;
}) {
  const { t1, each, localized } = useBoardText();
  const [heading, secondHeading] = each("queue.board.nowCalling");
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
          "text-[4vh] leading-tight font-semibold tracking-[0.2em] uppercase",
          announcing ? "text-slate-900" : "text-amber-300",
        )}
      >
        {heading}
        {secondHeading && (
          <span className="mt-[0.3vh] block text-[2.6vh] tracking-[0.15em] opacity-80">
            {secondHeading}
          </span>
        )}
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
              {t1("queue.counterName", { number: call.counter })}
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
        <div className="mt-[4vh] text-indigo-100">
          {each("queue.board.noCalls").map((text, i) => (
            <p key={text} className={i === 0 ? "text-[5vh]" : "mt-[1vh] text-[3.2vh] opacity-80"}>
              {text}
            </p>
          ))}
        </div>
      )}
    </section>
  );
}
