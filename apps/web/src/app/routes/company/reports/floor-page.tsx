import { SERVER_EVENT } from "@equeue/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../../components/ui/alert";
import { Badge } from "../../../../components/ui/badge";
import { Card, CardHeader } from "../../../../components/ui/card";
import { EmptyState } from "../../../../components/ui/empty-state";
import { PageHeader } from "../../../../components/ui/page-header";
import { PageSpinner } from "../../../../components/ui/spinner";
import { Table, TBody, Td, Th, THead, Tr } from "../../../../components/ui/table";
import { fetchFloor, type FloorView } from "../../../../features/reports/reports.api";
import { getCompanySession } from "../../../../lib/auth/sessions";
import { cn } from "../../../../lib/cn";
import { useErrorMessage } from "../../../../lib/errors";
import { useLocalized } from "../../../../lib/localized";
import { companyRealtimeAuth } from "../../../../lib/realtime/realtime-contract";
import { useRealtime } from "../../../../lib/realtime/use-realtime";
import { formatClock, formatElapsed, useNow } from "../../../../lib/use-now";
import { useSetupContext } from "../setup/setup-context";

/** At most this many branch sockets; beyond, the page polls (a 100-branch company). */
const MAX_LIVE_BRANCHES = 8;
const POLL_MS = 15_000;

/** Follows one branch's staff room and asks for a fresh floor on any change there. */
function BranchFeed({
  slug,
  branchId,
  onChange,
}: {
  slug: string;
  branchId: string;
  onChange: () => void;
}) {
  useRealtime({
    enabled: true,
    key: `floor:${slug}:${branchId}`,
    auth: () => companyRealtimeAuth(slug, getCompanySession(slug), branchId),
    handlers: {
      [SERVER_EVENT.TICKET_CHANGED]: onChange,
      [SERVER_EVENT.OPERATOR_CHANGED]: onChange,
    },
    onConnect: onChange,
  });
  return null;
}

/** `admin/dashboard`: the live floor of every branch the caller reaches. */
export function FloorPage() {
  const { t } = useTranslation();
  const { slug } = useSetupContext();
  const errorMessage = useErrorMessage();
  const client = useQueryClient();
  const key = ["admin", slug, "floor"];
  const query = useQuery({
    queryKey: key,
    queryFn: () => fetchFloor(slug),
    refetchInterval: POLL_MS,
  });
  const now = useNow(1000);
  const timer = useRef<number | undefined>(undefined);
  const refresh = useRef(() => {
    window.clearTimeout(timer.current);
    // Coalesce a burst (a call-next is several events) into one read.
    timer.current = window.setTimeout(() => void client.invalidateQueries({ queryKey: key }), 300);
  }).current;

  if (query.isPending) return <PageSpinner />;
  if (query.isError) return <Alert tone="error">{errorMessage(query.error)}</Alert>;
  const floor = query.data;

  return (
    <div>
      <PageHeader
        title={t("reports.nav.dashboard")}
        subtitle={t("reports.floor.subtitle")}
        actions={
          <Badge tone="green" dot>
            {t("reports.floor.live")}
          </Badge>
        }
      />
      {floor.branches.slice(0, MAX_LIVE_BRANCHES).map((b) => (
        <BranchFeed key={b.id} slug={slug} branchId={b.id} onChange={refresh} />
      ))}
      {floor.branches.length === 0 && <EmptyState title={t("reports.floor.noBranches")} />}
      <div className="space-y-6">
        {floor.branches.map((b) => (
          <BranchCard key={b.id} branch={b} now={now} />
        ))}
      </div>
    </div>
  );
}

/** One branch: its services (red past the target wait) and its operators. */
function BranchCard({ branch, now }: { branch: FloorView["branches"][number]; now: number }) {
  const { t } = useTranslation();
  const local = useLocalized();
  const since = (iso: string) => t("reports.floor.since", { time: formatClock(Date.parse(iso)) });
  return (
    <Card data-testid={`floor-branch-${branch.id}`}>
      <CardHeader title={local(branch.name)} />
      <div className="grid gap-4 p-4 2xl:grid-cols-[2fr_1fr]">
        <Table>
          <THead>
            <Tr>
              <Th>{t("reports.floor.service")}</Th>
              <Th className="text-right">{t("reports.floor.waiting")}</Th>
              <Th className="text-right">{t("reports.floor.longest")}</Th>
              <Th className="text-right">{t("reports.floor.servedToday")}</Th>
              <Th className="text-right">{t("reports.floor.serviceLevel")}</Th>
            </Tr>
          </THead>
          <TBody>
            {branch.services.map((s) => {
              const longest = s.oldestQueuedAt ? (now - Date.parse(s.oldestQueuedAt)) / 1000 : null;
              const red =
                s.targetWaitMinutes !== null &&
                longest !== null &&
                longest > s.targetWaitMinutes * 60;
              return (
                <Tr
                  key={s.id}
                  className={cn(red && "bg-red-50")}
                  data-testid={`floor-service-${s.letter}`}
                  data-over-target={red ? "true" : "false"}
                >
                  <Td className="font-medium text-zinc-900">
                    {s.letter} · {local(s.name)}
                    {s.targetWaitMinutes !== null && (
                      <span className="ml-2 text-xs text-zinc-500">
                        {t("reports.floor.target")}: {s.targetWaitMinutes}′
                      </span>
                    )}
                  </Td>
                  <Td className="text-right tabular-nums" data-testid="floor-waiting">
                    {s.waiting}
                  </Td>
                  <Td
                    className={cn("text-right tabular-nums", red && "font-semibold text-red-700")}
                  >
                    {longest === null ? "—" : formatElapsed(longest)}
                    {red && <span className="sr-only"> {t("reports.floor.overTarget")}</span>}
                  </Td>
                  <Td className="text-right tabular-nums" data-testid="floor-served">
                    {s.servedToday}
                  </Td>
                  <Td className="text-right tabular-nums">
                    {s.serviceLevel === null ? "—" : `${Math.round(s.serviceLevel * 100)}%`}
                  </Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
        <div>
          <h3 className="mb-2 text-sm font-semibold text-zinc-900">
            {t("reports.floor.operators")}
          </h3>
          {branch.operators.length === 0 ? (
            <p className="text-sm text-zinc-500">{t("reports.floor.noOperators")}</p>
          ) : (
            <ul className="space-y-2" data-testid="floor-operators">
              {branch.operators.map((o) => (
                <li
                  key={o.staffId}
                  className="flex items-center justify-between gap-2 rounded-md border border-zinc-200 bg-white px-3 py-2 text-sm"
                >
                  <span className="min-w-0 truncate">
                    {o.name}
                    {o.counter !== null && (
                      <span className="ml-1 text-zinc-500">
                        · {t("reports.floor.counter", { number: o.counter })}
                      </span>
                    )}
                  </span>
                  <span className="flex shrink-0 items-center gap-2">
                    <Badge
                      tone={
                        o.state === "SERVING"
                          ? "indigo"
                          : o.state === "AVAILABLE"
                            ? "green"
                            : "amber"
                      }
                    >
                      {t(`reports.floor.state.${o.state}`)}
                      {o.ticket ? ` ${o.ticket}` : ""}
                    </Badge>
                    <span className="text-xs text-zinc-500">{since(o.since)}</span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </Card>
  );
}
