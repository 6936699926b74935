import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { Button } from "../../../components/ui/button";
import { PageSpinner } from "../../../components/ui/spinner";
import type { BookingSlot } from "../../../features/booking/api/booking.api";
import { BookingContactForm } from "../../../features/booking/components/booking-contact-form";
import { longDate } from "../../../features/booking/components/local-days";
import { SlotPicker } from "../../../features/booking/components/slot-picker";
import { PortalLoadError } from "../../../features/portal/components/portal-load-error";
import { PortalShell } from "../../../features/portal/components/portal-shell";
import { useBranchPage } from "../../../features/portal/hooks/use-portal";
import { companyBase } from "../../../lib/company-host";
import { useLocalized } from "../../../lib/localized";
import { useCompanyContext } from "../company/company-layout";

/**
 * `/c/:slug/b/:branch/book?service=…`: book a time — service → day → time → phone — then the
 * ticket's page, which shows the booking with check-in, moving, cancelling and a calendar file.
 */
export function BookTimePage() {
  const { t } = useTranslation();
  const text = useLocalized();
  const navigate = useNavigate();
  const { slug, info } = useCompanyContext();
  const branchSlug = useParams().branchSlug ?? "";
  const [params, setParams] = useSearchParams();
  const serviceId = params.get("service");
  const [slot, setSlot] = useState<BookingSlot | null>(null);
  const base = companyBase(slug);
  const page = useBranchPage(slug, branchSlug);
  const shell = { name: info.name, logoUrl: info.logoUrl, href: base || "/" };
  if (page.isPending) return <PageSpinner />;
  if (page.isError) return <PortalLoadError company={shell} error={page.error} />;
  const { branch } = page.data;
  const bookable = page.data.services.filter((s) => s.bookOnline);
  const service = bookable.find((s) => s.id === serviceId) ?? null;
  const chooseService = (id: string | null) => {
    setSlot(null);
    setParams(id ? { service: id } : {}, { replace: true });
  };
  return (
    <PortalShell company={shell}>
      <Link to={`${base}/b/${branch.slug}`} className="text-sm text-indigo-700 underline">
        ← {text(branch.name)}
      </Link>
      <h1 className="mt-3 text-2xl font-bold text-zinc-900">
        {service ? t("booking.title", { service: text(service.name) }) : t("booking.bookTime")}
      </h1>
      {!service ? (
        <section className="mt-4">
          <h2 className="mb-3 text-lg font-semibold text-zinc-900">{t("booking.stepService")}</h2>
          <ul className="space-y-2">
            {bookable.map((s) => (
              <li key={s.id}>
                <Button
                  variant="secondary"
                  className="h-12 w-full justify-between text-base"
                  onClick={() => chooseService(s.id)}
                >
                  <span>{text(s.name)}</span>
                  <span className="text-sm text-zinc-500">{s.durationMinutes}′</span>
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : !slot ? (
        <section className="mt-4 rounded-2xl bg-white p-4 shadow-sm">
          <SlotPicker
            slug={slug}
            branchSlug={branch.slug}
            serviceId={service.id}
            selected={slot}
            onSelect={setSlot}
            headingLevel={2}
          />
          <Button variant="ghost" className="mt-3" onClick={() => chooseService(null)}>
            ← {t("booking.stepService")}
          </Button>
        </section>
      ) : (
        <section className="mt-4 space-y-4 rounded-2xl bg-white p-4 shadow-sm">
          <div className="flex items-center justify-between gap-2">
            <p className="text-xl font-bold text-zinc-900" data-testid="booking-chosen">
              {t("booking.chosen", { date: longDate(slot.localDate), time: slot.localTime })}
            </p>
            <Button variant="ghost" onClick={() => setSlot(null)}>
              {t("booking.change")}
            </Button>
          </div>
          <h2 className="font-semibold text-zinc-900">{t("booking.stepContact")}</h2>
          <BookingContactForm
            slug={slug}
            branchId={branch.id}
            serviceId={service.id}
            slot={slot}
            onBooked={(b) => navigate(`${base}/t/${encodeURIComponent(b.token)}`)}
          />
        </section>
      )}
    </PortalShell>
  );
}
