import { useTranslation } from "react-i18next";
import { formatElapsed } from "../../../lib/use-now";
import type { Workplace } from "../api/operator.types";

function Tile({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white px-4 py-2">
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className="text-2xl font-bold text-zinc-900 tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** Today's figures: customers served, average service time, people waiting now. */
export function TodayStats({ stats }: { stats: Workplace["today"] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="today-title">
      <h2 id="today-title" className="sr-only">
        {t("queue.stats.title")}
      </h2>
      <dl className="grid grid-cols-3 gap-3">
        <Tile label={t("queue.stats.served")} value={String(stats.served)} testId="stat-served" />
        <Tile
          label={t("queue.stats.average")}
          value={
            stats.averageServiceSeconds === null
              ? t("common.none")
              : formatElapsed(stats.averageServiceSeconds)
          }
          testId="stat-average"
        />
        <Tile
          label={t("queue.stats.waiting")}
          value={String(stats.waitingNow)}
          testId="stat-waiting"
        />
      </dl>
    </section>
  );
}
