import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { BrandMark } from "../../../components/brand-mark";
import { LanguageSwitch } from "../../../components/ui/language-switch";
import { Logo } from "../../../components/ui/logo";

type PortalShellProps = {
  /** The company whose pages these are; the platform's mark when absent. */
  company?: { name: string; logoUrl: string | null; href: string } | undefined;
  children: ReactNode;
};

/** The portal's frame on a phone first: a slim header with the language switch, one column. */
export function PortalShell({ company, children }: PortalShellProps) {
  const { t } = useTranslation();
  return (
    <div className="min-h-dvh bg-zinc-50">
      <header className="sticky top-0 z-10 border-b border-zinc-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-3xl items-center justify-between gap-3 px-4">
          {company ? (
            <Link to={company.href} className="flex min-w-0 items-center gap-2">
              <Logo url={company.logoUrl} name={company.name} size="sm" />
              {/* Two short lines rather than a cut name on a 360 px phone beside "My tickets". */}
              <span className="line-clamp-2 text-[15px] leading-tight font-semibold break-words text-zinc-900">
                {company.name}
              </span>
            </Link>
          ) : (
            <Link to="/" className="shrink-0">
              <BrandMark size="sm" />
            </Link>
          )}
          <div className="flex shrink-0 items-center gap-1">
            <Link
              to="/me"
              className="flex min-h-11 items-center rounded-md px-2 text-sm font-medium whitespace-nowrap text-zinc-700 hover:bg-zinc-100"
              data-testid="my-tickets-link"
            >
              {t("portal.myTickets")}
            </Link>
            <LanguageSwitch touch />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-3xl px-4 py-5">{children}</main>
    </div>
  );
}
