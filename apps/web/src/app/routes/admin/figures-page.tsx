import { useQuery } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/ui/alert";
import { Card, CardHeader } from "../../../components/ui/card";
import { PageHeader } from "../../../components/ui/page-header";
import { Select } from "../../../components/ui/select";
import { PageSpinner } from "../../../components/ui/spinner";
import { Table, TBody, Td, Th, THead, Tr } from "../../../components/ui/table";
import { CompanyStatusBadge } from "../../../features/companies/components/company-status-badge";
import { channelLabel } from "../../../features/outbox/channel-label";
import { fetchPlatformFigures } from "../../../features/platform-figures/platform-figures.api";
import { useErrorMessage } from "../../../lib/errors";

const STATUSES = ["ACTIVE", "INACTIVE", "SUSPENDED", "DELETED"] as const;
const PERIODS = [7, 30, 90];

/** An age in seconds as days and hours, hours and minutes, or minutes and seconds. */
const age = (t: TFunction, exact: number | null) => {
  if (exact === null) return "—";
  // Rounded to the second before it is split, so 59.5 s reads "1 min 0 s", never "60 s".
  const s = Math.round(exact);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return t("figures.age.days", { d, h });
  if (h > 0) return t("figures.age.hours", { h, m });
  return t("figures.age.minutes", { m, s: s % 60 });
};

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <CardHeader title={title} />
      <div className="p-4">{children}</div>
    </Card>
  );
}

/** `/admin/figures`: the platform at a glance, read again every 30 s. */
export function FiguresPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [days, setDays] = useState(30);
  const query = useQuery({
    queryKey: ["platform", "figures", days],
    queryFn: () => fetchPlatformFigures(days),
    refetchInterval: 30_000,
  });
  const f = query.data;
  const peak = Math.max(1, ...(f?.tickets.days ?? []).map((d) => d.tickets));

  return (
    <>
      <PageHeader
        title={t("figures.title")}
        subtitle={t("figures.subtitle")}
        actions={
          <label className="flex items-center gap-2 text-sm text-zinc-700">
            {t("figures.period")}
            <Select value={String(days)} onChange={(e) => setDays(Number(e.target.value))}>
              {PERIODS.map((n) => (
                <option key={n} value={String(n)}>
                  {t("figures.days", { n })}
                </option>
              ))}
            </Select>
          </label>
        }
      />
      {query.isPending ? (
        <PageSpinner />
      ) : query.isError || !f ? (
        <Alert tone="error">{errorMessage(query.error)}</Alert>
      ) : (
        <div className="space-y-6">
          <div className="grid gap-6 lg:grid-cols-[minmax(0,0.8fr)_minmax(0,1fr)_minmax(0,1.3fr)]">
            <Block title={t("figures.companies")}>
              <dl className="space-y-2" data-testid="figures-companies">
                {STATUSES.map((s) => (
                  <div key={s} className="flex items-center justify-between">
                    <dt>
                      <CompanyStatusBadge status={s} />
                    </dt>
                    <dd className="font-semibold tabular-nums">{f.companies.byStatus[s]}</dd>
                  </div>
                ))}
                <div className="flex justify-between border-t border-zinc-100 pt-2 text-sm">
                  <dt>{t("figures.total")}</dt>
                  <dd className="font-semibold tabular-nums">{f.companies.total}</dd>
                </div>
              </dl>
            </Block>
            <Block title={t("figures.devices")}>
              <Table data-testid="figures-devices">
                <THead>
                  <Tr>
                    <Th className="whitespace-normal!">{t("figures.kind")}</Th>
                    <Th className="text-right whitespace-normal!">{t("figures.paired")}</Th>
                    <Th className="text-right whitespace-normal!">{t("figures.online")}</Th>
                  </Tr>
                </THead>
                <TBody>
                  {(["DISPLAY", "KIOSK"] as const).map((k) => (
                    <Tr key={k}>
                      <Td>{t(k === "DISPLAY" ? "figures.display" : "figures.kiosk")}</Td>
                      <Td className="text-right tabular-nums">{f.devices.paired[k]}</Td>
                      <Td className="text-right tabular-nums">{f.devices.online[k]}</Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            </Block>
            <Block title={t("figures.outbox")}>
              {f.outbox.length === 0 ? (
                <p className="text-sm text-zinc-600">{t("figures.outboxEmpty")}</p>
              ) : (
                <Table data-testid="figures-outbox">
                  <THead>
                    <Tr>
                      <Th className="whitespace-normal!">{t("figures.channel")}</Th>
                      <Th className="text-right whitespace-normal!">{t("figures.pending")}</Th>
                      <Th className="text-right whitespace-normal!">{t("figures.failed")}</Th>
                      <Th className="text-right whitespace-normal!">{t("figures.oldest")}</Th>
                    </Tr>
                  </THead>
                  <TBody>
                    {f.outbox.map((o) => (
                      <Tr key={o.channel}>
                        <Td>{channelLabel(t, o.channel)}</Td>
                        <Td className="text-right tabular-nums">{o.pending}</Td>
                        <Td className="text-right tabular-nums">{o.failed}</Td>
                        <Td className="text-right tabular-nums">
                          {age(t, o.oldestPendingSeconds)}
                        </Td>
                      </Tr>
                    ))}
                  </TBody>
                </Table>
              )}
            </Block>
          </div>
          <Block title={t("figures.tickets")}>
            {f.tickets.unreadCompanies.length > 0 && (
              <Alert tone="error">
                {t("figures.unread", {
                  slugs: f.tickets.unreadCompanies.map((c) => c.slug).join(", "),
                })}
              </Alert>
            )}
            <Table data-testid="figures-tickets">
              <THead>
                <Tr>
                  <Th>{t("figures.day")}</Th>
                  <Th className="w-1/2" aria-hidden="true" />
                  <Th className="text-right whitespace-normal!">{t("figures.taken")}</Th>
                  <Th className="text-right whitespace-normal!">{t("figures.served")}</Th>
                </Tr>
              </THead>
              <TBody>
                {[...f.tickets.days].reverse().map((d) => (
                  <Tr key={d.day}>
                    <Td className="tabular-nums">{d.day}</Td>
                    <Td aria-hidden="true">
                      <div
                        className="h-2 rounded bg-indigo-500"
                        style={{ width: `${(d.tickets / peak) * 100}%` }}
                      />
                    </Td>
                    <Td className="text-right tabular-nums">{d.tickets}</Td>
                    <Td className="text-right tabular-nums">{d.served}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </Block>
        </div>
      )}
    </>
  );
}
