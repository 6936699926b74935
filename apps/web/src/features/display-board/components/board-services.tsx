import type { BoardService } from "../api/board.types";
import { useBoardText } from "../hooks/board-language";

/** How many people wait for each service: "Kassa xizmati · 12 kishi". */
export function BoardServices({ services }: { services: BoardService[] }) {
  const { t1, both, localized } = useBoardText();
  if (services.length === 0) return null;
  return (
    <footer
      aria-labelledby="board-services-title"
      className="shrink-0 border-t border-white/10 px-[3vw] py-[calc(var(--board-u)*2)]"
    >
      <h2 id="board-services-title" className="sr-only">
        {both("queue.board.waitingTitle")}
      </h2>
      <ul className="flex flex-wrap items-center gap-x-[1.2vw] gap-y-[calc(var(--board-u)*1)]">
        <li
          aria-hidden="true"
          className="text-[calc(var(--board-u)*3)] font-semibold text-slate-300"
        >
          {both("queue.board.waitingTitle")}:
        </li>
        {services.map((service) => (
          <li
            key={service.id}
            data-testid="board-service"
            className="flex items-baseline gap-[0.8vw] rounded-full bg-white/10 px-[1.3vw] py-[calc(var(--board-u)*0.8)] text-[calc(var(--board-u)*3.2)]"
          >
            <span className="font-medium">{localized(service.name)}</span>
            <span
              className="font-bold text-amber-300 tabular-nums"
              data-testid="board-service-waiting"
            >
              {t1("queue.board.people", { count: service.waiting })}
            </span>
          </li>
        ))}
      </ul>
    </footer>
  );
}
