import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { Button, buttonClass } from "../../../components/ui/button";
import { PageSpinner } from "../../../components/ui/spinner";
import { BranchContacts } from "../../../features/portal/components/branch-contacts";
import { OpenNowLine, WeekHours } from "../../../features/portal/components/branch-hours";
import { JoinQueueForm } from "../../../features/portal/components/join-queue-form";
import { PortalLoadError } from "../../../features/portal/components/portal-load-error";
import { PortalShell } from "../../../features/portal/components/portal-shell";
import { ServiceLineCard } from "../../../features/portal/components/service-line-card";
import { useBranchPage } from "../../../features/portal/hooks/use-portal";
import { companyBase } from "../../../lib/company-host";
import { useLocalized } from "../../../lib/localized";
import { useCompanyContext } from "../company/company-layout";

/** `/c/:slug/b/:branch`: a branch's services with their lines, and "join the queue". */
export function BranchPortalPage() {
  const { t } = useTranslation();
  const text = useLocalized();
  const navigate = useNavigate();
  const { slug, info } = useCompanyContext();
  const branchSlug = useParams().branchSlug ?? "";
  const base = companyBase(slug);
  const page = useBranchPage(slug, branchSlug);
  const [joining, setJoining] = useState<string | null>(null);
  const shell = { name: info.name, logoUrl: info.logoUrl, href: base || "/" };
  if (page.isPending) return <PageSpinner />;
  if (page.isError) return <PortalLoadError company={shell} error={page.error} />;
  const { branch, services } = page.data;
  // Each service's tickets have a series of their own (else every place taken here is O-…).
  const seriesTellApart =
    services.length > 1 && new Set(services.map((s) => s.ticketSeries)).size === services.length;
  return (
    <PortalShell company={shell}>
      <Link to={base || "/"} className="text-sm text-indigo-700 underline">
        ← {t("portal.backToCompany")}
      </Link>
      <h1 className="mt-3 text-2xl font-bold text-zinc-900">{text(branch.name)}</h1>
      {text(branch.address) && <p className="mt-1 text-zinc-600">{text(branch.address)}</p>}
      <div className="mt-3 space-y-3">
        <OpenNowLine branch={branch} />
        <BranchContacts branch={branch} />
      </div>
      <h2 className="mt-6 mb-3 text-lg font-semibold text-zinc-900">{t("portal.chooseService")}</h2>
      <ul className="space-y-3">
        {services.map((line) => (
          <ServiceLineCard
            key={line.id}
            line={line}
            badge={seriesTellApart}
            action={
              !line.joinOnline ? (
                // The reason in the reader's language: the branch's hours are shown above.
                <p className="text-sm text-zinc-600">
                  {t("portal.joinUnavailable")} —{" "}
                  {branch.breakUntil
                    ? t("portal.joinBranchOnBreak", { time: branch.breakUntil })
                    : branch.closedReason !== null
                      ? t("portal.joinBranchClosed")
                      : t("portal.joinAtBranchOnly")}
                </p>
              ) : joining === line.id ? (
                <JoinQueueForm
                  slug={slug}
                  branchId={branch.id}
                  serviceId={line.id}
                  onJoined={(ticket) => navigate(`${base}/t/${encodeURIComponent(ticket.token)}`)}
                />
              ) : (
                <Button className="h-12 w-full text-base" onClick={() => setJoining(line.id)}>
                  {t("portal.join")}
                </Button>
              )
            }
            booking={
              line.bookOnline ? (
                <Link
                  to={`${base}/b/${branch.slug}/book?service=${line.id}`}
                  className={`${buttonClass("secondary")} h-12 w-full text-base`}
                  data-testid="book-time"
                >
                  {t("portal.bookTime")}
                </Link>
              ) : null
            }
          />
        ))}
      </ul>
      <p className="mt-2 text-xs text-zinc-500">{t("portal.refreshed")}</p>
      <section className="mt-6 rounded-xl border border-zinc-200 bg-white p-4">
        <WeekHours week={branch.week} />
      </section>
    </PortalShell>
  );
}
