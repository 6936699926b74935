import { useTranslation } from "react-i18next";
import { NavLink, Outlet, useNavigate } from "react-router";
import { BrandMark } from "../../../components/brand-mark";
import { Button } from "../../../components/ui/button";
import { LanguageSwitch } from "../../../components/ui/language-switch";
import { cn } from "../../../lib/cn";
import { platformSession, useSessionState } from "../../../lib/auth/sessions";

const links = [
  { to: "/admin/companies", key: "nav.companies", icon: "▦" },
  { to: "/admin/figures", key: "nav.figures", icon: "▤" },
  { to: "/admin/outbox", key: "nav.outbox", icon: "✉" },
  { to: "/admin/audit", key: "nav.audit", icon: "☰" },
] as const;

const linkClass = ({ isActive }: { isActive: boolean }) =>
  cn(
    // One line in the narrow top row (it scrolls); in the sidebar a long name wraps.
    "flex items-center gap-2.5 rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors lg:whitespace-normal",
    "focus-visible:outline-2 focus-visible:outline-indigo-600",
    isActive
      ? "bg-indigo-50 text-indigo-700"
      : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900",
  );

/** Super Admin shell: sidebar on wide screens, a top nav row on narrow ones. */
export function AdminLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSessionState(platformSession);

  const logout = async () => {
    await platformSession.logout();
    navigate("/admin/login", { replace: true });
  };

  const nav = (
    <nav aria-label={t("nav.mainMenu")} className="flex gap-1 lg:flex-col">
      {links.map((link) => (
        <NavLink key={link.to} to={link.to} className={linkClass}>
          <span aria-hidden="true" className="w-4 text-center text-base leading-none">
            {link.icon}
          </span>
          {t(link.key)}
        </NavLink>
      ))}
    </nav>
  );

  return (
    <div className="min-h-dvh bg-zinc-50 lg:grid lg:grid-cols-[15rem_1fr]">
      <aside className="hidden border-r border-zinc-200 bg-white lg:block">
        {/* Stays in view on a long page (the outbox, the audit log). */}
        <div className="sticky top-0 max-h-dvh overflow-y-auto">
          <div className="flex h-14 items-center gap-2 border-b border-zinc-200 px-5">
            <span className="shrink-0">
              <BrandMark size="sm" />
            </span>
            <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-[11px] font-medium text-zinc-600">
              {t("nav.superAdmin")}
            </span>
          </div>
          <div className="p-3">{nav}</div>
        </div>
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="sticky top-0 z-10 border-b border-zinc-200 bg-white/95 backdrop-blur">
          <div className="flex h-14 items-center justify-between gap-3 px-4 sm:px-6">
            <div className="lg:hidden">
              <BrandMark size="sm" />
            </div>
            <div className="hidden lg:block" />
            <div className="flex items-center gap-3">
              <span className="hidden text-sm text-zinc-600 sm:inline" data-testid="current-user">
                {user?.email}
              </span>
              <LanguageSwitch />
              <Button variant="secondary" size="sm" onClick={() => void logout()}>
                {t("common.logout")}
              </Button>
            </div>
          </div>
          <div className="overflow-x-auto border-t border-zinc-100 px-3 py-2 lg:hidden">{nav}</div>
        </header>
        <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 lg:py-8">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
