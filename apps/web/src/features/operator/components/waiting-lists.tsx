import { useTranslation } from "react-i18next";
import { Button } from "../../../components/ui/button";
import { useLocalized } from "../../../lib/localized";
import { formatElapsed } from "../../../lib/use-now";
import type { QueueTicket, Workplace } from "../api/operator.types";
import { TicketBadges } from "./ticket-badges";

type RowProps = {
  now: number;
  /** False while the operator holds a customer or is not available. */
  canCall: boolean;
  pendingId: string | null;
  onCall: (ticket: QueueTicket) => void;
};

function WaitingRow({
  ticket,
  now,
  canCall,
  pending,
  onCall,
}: {
  ticket: QueueTicket;
  now: number;
  canCall: boolean;
  pending: boolean;
  onCall: () => void;
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const waited = ticket.queuedAt ? (now - Date.parse(ticket.queuedAt)) / 1000 : 0;
  return (
    <li
      className="flex items-center gap-2 border-b border-zinc-100 px-3 py-2 last:border-b-0"
      data-testid="waiting-ticket"
      data-label={ticket.label}
    >
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline gap-2">
          <span className="text-lg font-bold text-zinc-900 tabular-nums">{ticket.label}</span>
          <span className="text-sm text-zinc-500 tabular-nums" title={t("queue.lists.waitingFor")}>
            {formatElapsed(waited)}
          </span>
        </div>
        <div className="flex min-w-0 flex-wrap items-center gap-1.5">
          <span className="truncate text-sm text-zinc-700">{localized(ticket.serviceName)}</span>
          <TicketBadges ticket={ticket} withSource={false} />
        </div>
        {ticket.customerName && (
          <p className="truncate text-xs text-zinc-500">{ticket.customerName}</p>
        )}
      </div>
      <Button
        variant="secondary"
        size="sm"
        onClick={onCall}
        disabled={!canCall}
        loading={pending}
        aria-label={t("queue.lists.callThisLabel", { label: ticket.label })}
      >
        {t("queue.lists.callThis")}
      </Button>
    </li>
  );
}

type ListProps = RowProps & {
  tickets: QueueTicket[];
  total: number;
  title: string;
  testId: string;
};

function TicketList({ title, testId, ...props }: ListProps) {
  const { t } = useTranslation();
  const headingId = `${testId}-title`;
  return (
    <section
      aria-labelledby={headingId}
      data-testid={testId}
      className="flex min-h-0 flex-col rounded-lg border border-zinc-200 bg-white"
    >
      <h3
        id={headingId}
        className="flex items-center justify-between border-b border-zinc-200 px-3 py-2 text-sm font-semibold text-zinc-800"
      >
        {title}
        <span className="rounded-full bg-zinc-900 px-2 text-xs leading-5 font-bold text-white tabular-nums">
          {props.total}
        </span>
      </h3>
      {props.tickets.length === 0 ? (
        <p className="px-3 py-6 text-center text-sm text-zinc-500">{t("queue.lists.empty")}</p>
      ) : (
        <ol className="min-h-0 flex-1 overflow-y-auto">
          {props.tickets.map((ticket) => (
            <WaitingRow
              key={ticket.id}
              ticket={ticket}
              now={props.now}
              canCall={props.canCall}
              pending={props.pendingId === ticket.id}
              onCall={() => props.onCall(ticket)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

// Kiosk and walk-in tickets share one list; the server ranks each source, so merge by the same
// rule it uses within one priority: higher priority first, then first come first served.
function mergeInBranch(a: QueueTicket[], b: QueueTicket[]): QueueTicket[] {
  const time = (t: QueueTicket) => (t.queuedAt ? Date.parse(t.queuedAt) : Number.MAX_SAFE_INTEGER);
  return [...a, ...b].sort((x, y) => y.priority - x.priority || time(x) - time(y));
}

/** The people waiting for the operator's services: online (O-…) and kiosk or walk-in (K-…). */
export function WaitingLists({ waiting, ...props }: RowProps & { waiting: Workplace["waiting"] }) {
  const { t } = useTranslation();
  const inBranch = mergeInBranch(waiting.kiosk.items, waiting.walkIn.items);
  return (
    <div className="grid min-h-0 flex-1 grid-cols-2 gap-3">
      <TicketList
        {...props}
        tickets={inBranch}
        total={waiting.kiosk.total + waiting.walkIn.total}
        title={t("queue.lists.branch")}
        testId="list-branch"
      />
      <TicketList
        {...props}
        tickets={waiting.online.items}
        total={waiting.online.total}
        title={t("queue.lists.online")}
        testId="list-online"
      />
    </div>
  );
}
