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
        "flex min-h-0 flex-col items-center justify-center rounded-[calc(var(--board-u)*3)] px-[2vw] text-center",
        announcing ? "bg-amber-400 text-slate-950" : "bg-indigo-800 text-white",
      )}
    >
      <h2
        id="board-current-title"
        className={cn(
          "text-[calc(var(--board-u)*4)] leading-tight font-semibold tracking-[0.2em] uppercase",
          announcing ? "text-slate-900" : "text-amber-300",
        )}
      >
        {heading}
        {secondHeading && (
          <span className="mt-[calc(var(--board-u)*0.3)] block text-[calc(var(--board-u)*2.6)] tracking-[0.15em] opacity-80">
            {secondHeading}
          </span>
        )}
      </h2>
      {call ? (
        <>
          <p
            className="mt-[calc(var(--board-u)*1)] text-[calc(var(--board-u)*24)] leading-none font-black tracking-tight tabular-nums"
            data-testid="board-current-label"
          >
            {call.label}
          </p>
          <p className="mt-[calc(var(--board-u)*2)] flex items-center gap-[1.5vw] text-[calc(var(--board-u)*10)] leading-none font-bold">
            <span aria-hidden="true">→</span>
            <span data-testid="board-current-counter">
              {t1("queue.counterName", { number: call.counter })}
            </span>
          </p>
          <p
            className={cn(
              "mt-[calc(var(--board-u)*3)] max-w-full truncate text-[calc(var(--board-u)*3.6)]",
              announcing ? "text-slate-800" : "text-indigo-100",
            )}
          >
            {localized(call.serviceName)}
          </p>
        </>
      ) : (
        <div className="mt-[calc(var(--board-u)*4)] text-indigo-100">
          {each("queue.board.noCalls").map((text, i) => (
            <p
              key={text}
              className={
                i === 0
                  ? "text-[calc(var(--board-u)*5)]"
                  : "mt-[calc(var(--board-u)*1)] text-[calc(var(--board-u)*3.2)] opacity-80"
              }
            >
              {text}
            </p>
          ))}
        </div>
      )}
    </section>
  );
}
