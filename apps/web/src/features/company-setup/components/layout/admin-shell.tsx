import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { Button } from "../../../../components/ui/button";
import { LanguageSwitch } from "../../../../components/ui/language-switch";
import { Logo } from "../../../../components/ui/logo";
import { brandStyle } from "../../../../lib/brand-colors";
import { cn } from "../../../../lib/cn";
import { NavIcon, type NavIconName } from "./nav-icons";

export type ShellLink = { to: string; icon: NavIconName; label: string; end?: boolean };

type Props = {
  company: { name: string; logoUrl: string | null; primaryColor: string | null };
  links: ShellLink[];
  userEmail?: string;
  roleLabel: string;
  onLogout: () => void;
  children: ReactNode;
};

const linkClass = ({ isActive }: { isActive: boolean }) =>
  cn(
    "flex items-center gap-2 rounded-md px-2.5 py-2 text-sm font-medium whitespace-nowrap transition-colors lg:gap-3 lg:px-3",
    "focus-visible:outline-2 focus-visible:outline-indigo-600",
    isActive
      ? "bg-indigo-50 text-indigo-700"
      : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900",
  );

/** The company admin frame: company logo, name and colour; a sidebar on desktops, a tab row on tablets. */
export function AdminShell({ company, links, userEmail, roleLabel, onLogout, children }: Props) {
  const { t } = useTranslation();
  const nav = (
    <nav aria-label={t("setup.nav.menu")} className="flex gap-1 lg:flex-col">
      {links.map((link) => (
        <NavLink key={link.to} to={link.to} end={link.end} className={linkClass}>
          <NavIcon name={link.icon} />
          {link.label}
        </NavLink>
      ))}
    </nav>
  );
  const brand = (
    <div className="flex min-w-0 items-center gap-2.5" data-testid="company-brand">
      <Logo url={company.logoUrl} name={company.name} size="sm" />
      <div className="min-w-0">
        <p className="truncate text-sm font-semibold text-zinc-900">{company.name}</p>
        <p className="text-xs leading-snug text-zinc-500">{roleLabel}</p>
      </div>
    </div>
  );

  return (
    <div
      style={brandStyle(company.primaryColor)}
      className="min-h-dvh bg-zinc-50 lg:grid lg:grid-cols-[15.5rem_1fr]"
      data-testid="company-admin"
    >
      <aside className="hidden border-r border-zinc-200 bg-white lg:block">
        {/* Stays in view on a long page (eleven notification texts, a branch's settings). */}
        <div className="sticky top-0 flex max-h-dvh flex-col overflow-y-auto">
          <div className="h-1 bg-indigo-600" aria-hidden="true" />
          <div className="flex h-16 items-center border-b border-zinc-200 px-4">{brand}</div>
          <div className="flex-1 p-3">{nav}</div>
        </div>
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="sticky top-0 z-10 border-b border-zinc-200 bg-white/95 backdrop-blur">
          <div className="h-1 bg-indigo-600 lg:hidden" aria-hidden="true" />
          <div className="flex h-14 items-center justify-between gap-3 px-4 sm:px-6">
            <div className="min-w-0 lg:hidden">{brand}</div>
            <div className="hidden lg:block" />
            <div className="flex items-center gap-3">
              <span className="hidden text-sm text-zinc-600 md:inline" data-testid="current-user">
                {userEmail}
              </span>
              <LanguageSwitch />
              <Button variant="secondary" size="sm" onClick={onLogout}>
                {t("common.logout")}
              </Button>
            </div>
          </div>
          <div className="overflow-x-auto border-t border-zinc-100 px-3 py-2 lg:hidden">{nav}</div>
        </header>
        <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 lg:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
