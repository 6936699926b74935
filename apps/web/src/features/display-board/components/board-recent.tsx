import { cn } from "../../../lib/cn";
import type { BoardCall } from "../api/board.types";
import { useBoardText } from "../hooks/board-language";

/** The calls before the newest one, for people who looked up late. */
export function BoardRecent({
  calls,
  announcingKey,
}: {
  calls: BoardCall[];
  announcingKey: string | null;
}) {
  const { t1, both } = useBoardText();
  return (
    <section aria-labelledby="board-recent-title" className="flex min-h-0 flex-col">
      <h2
        id="board-recent-title"
        className="mb-[calc(var(--board-u)*1.5)] grid grid-cols-[1fr_auto] px-[1.5vw] text-[calc(var(--board-u)*3)] font-semibold tracking-[0.15em] text-slate-300 uppercase"
      >
        <span>{both("queue.board.ticket")}</span>
        <span>{both("queue.board.counter")}</span>
      </h2>
      <ol
        className="flex min-h-0 flex-1 flex-col gap-[calc(var(--board-u)*1.2)] overflow-hidden"
        data-testid="board-recent"
      >
        {calls.map((call) => (
          <li
            key={call.key}
            data-testid="board-recent-call"
            data-label={call.label}
            className={cn(
              "grid grid-cols-[1fr_auto_auto] items-center gap-[1.2vw] rounded-[calc(var(--board-u)*2)] px-[1.5vw] py-[calc(var(--board-u)*1.2)] text-[calc(var(--board-u)*7.5)] leading-none font-bold tabular-nums",
              call.key === announcingKey ? "bg-amber-400 text-slate-950" : "bg-white/10 text-white",
            )}
          >
            <span>{call.label}</span>
            <span aria-hidden="true" className="text-[calc(var(--board-u)*5)] text-slate-400">
              →
            </span>
            <span className="min-w-[5ch] text-right">
              {t1("queue.counterName", { number: call.counter })}
            </span>
          </li>
        ))}
        {calls.length === 0 && (
          <li className="px-[1.5vw] text-[calc(var(--board-u)*3)] text-slate-400">
            {t1("queue.board.noEarlierCalls")}
          </li>
        )}
      </ol>
    </section>
  );
}
