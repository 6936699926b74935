import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useNavigate } from "react-router";
import { ConfirmDialog } from "../../../../components/ui/confirm-dialog";
import { PageSpinner } from "../../../../components/ui/spinner";
import {
  AdminShell,
  type ShellLink,
} from "../../../../features/company-setup/components/layout/admin-shell";
import {
  hasUnsavedChanges,
  leaveAnyway,
} from "../../../../features/company-setup/components/leave-guard";
import { useStaffProfile } from "../../../../features/company-setup/hooks/use-overview";
import { getCompanySession, useSessionState } from "../../../../lib/auth/sessions";
import { RequireSession } from "../../../require-session";
import { useCompanyContext } from "../company-layout";
import type { SetupContext } from "./setup-context";

function Shell() {
  const { t } = useTranslation();
  const company = useCompanyContext();
  const { slug, base, info } = company;
  const navigate = useNavigate();
  const session = getCompanySession(slug);
  const { user } = useSessionState(session);
  const blocked = !user || user.mustChangePassword || user.role === "OPERATOR";
  const profile = useStaffProfile(slug, !blocked);
  const [askLogout, setAskLogout] = useState(false);

  if (user?.mustChangePassword) return <Navigate to={`${base}/admin/change-password`} replace />;
  // Operators work at the operator desk, not in the set-up panel.
  if (user?.role === "OPERATOR") return <Navigate to={`${base}/operator`} replace />;
  if (profile.isLoading) return <PageSpinner />;

  const isAdmin = user?.role === "COMPANY_ADMIN";
  const adminBase = `${base}/admin`;
  const links: ShellLink[] = [
    ...(isAdmin
      ? [{ to: adminBase, icon: "overview" as const, label: t("setup.nav.overview"), end: true }]
      : []),
    { to: `${adminBase}/dashboard`, icon: "dashboard", label: t("setup.nav.dashboard") },
    { to: `${adminBase}/reports`, icon: "reports", label: t("setup.nav.reports") },
    { to: `${adminBase}/branches`, icon: "branches", label: t("setup.nav.branches") },
    { to: `${adminBase}/services`, icon: "services", label: t("setup.nav.services") },
    { to: `${adminBase}/staff`, icon: "staff", label: t("setup.nav.staff") },
    { to: `${adminBase}/devices`, icon: "devices", label: t("setup.nav.devices") },
    ...(isAdmin
      ? [
          { to: `${adminBase}/ratings`, icon: "ratings" as const, label: t("setup.nav.ratings") },
          {
            to: `${adminBase}/notifications`,
            icon: "notifications" as const,
            label: t("setup.nav.notifications"),
          },
          { to: `${adminBase}/api-keys`, icon: "apiKeys" as const, label: t("setup.nav.apiKeys") },
          {
            to: `${adminBase}/webhooks`,
            icon: "webhooks" as const,
            label: t("setup.nav.webhooks"),
          },
          {
            to: `${adminBase}/settings`,
            icon: "settings" as const,
            label: t("setup.nav.settings"),
          },
        ]
      : []),
  ];
  const brand = profile.data?.company ?? {
    name: info.name,
    logoUrl: info.logoUrl,
    primaryColor: null,
  };
  const context: SetupContext = { ...company, isAdmin, adminBase };

  const logout = async () => {
    await session.logout();
    await navigate(`${adminBase}/login`, { replace: true });
  };

  return (
    <AdminShell
      company={brand}
      links={links}
      userEmail={user?.email}
      roleLabel={t(
        `setup.staff.roles.${user?.role === "BRANCH_MANAGER" ? "BRANCH_MANAGER" : "COMPANY_ADMIN"}`,
      )}
      onLogout={() => (hasUnsavedChanges() ? setAskLogout(true) : void logout())}
    >
      <Outlet context={context} />
      <ConfirmDialog
        open={askLogout}
        title={t("setup.common.leaveTitle")}
        description={t("setup.common.leaveText")}
        confirmLabel={t("setup.common.leave")}
        dismissLabel={t("setup.common.stay")}
        tone="danger"
        onConfirm={() => {
          setAskLogout(false);
          void leaveAnyway(logout);
        }}
        onClose={() => setAskLogout(false)}
      />
    </AdminShell>
  );
}

/** `/c/:slug/admin/*`: signed-in company admins and branch managers. */
export function CompanyAdminLayout() {
  const { slug, base } = useCompanyContext();
  return (
    <RequireSession session={getCompanySession(slug)} loginPath={`${base}/admin/login`}>
      <Shell />
    </RequireSession>
  );
}
