import { useTranslation } from "react-i18next";
import { Navigate, useNavigate } from "react-router";
import { Badge } from "../../../components/ui/badge";
import { Button } from "../../../components/ui/button";
import { Card } from "../../../components/ui/card";
import { LanguageSwitch } from "../../../components/ui/language-switch";
import { Logo } from "../../../components/ui/logo";
import { getCompanySession, useSessionState } from "../../../lib/auth/sessions";
import { isCompanyStatus } from "./company-status";
import { RequireSession } from "../../require-session";
import { useCompanyContext } from "./company-layout";

function Dashboard() {
  const { t } = useTranslation();
  const { slug, info, base } = useCompanyContext();
  const navigate = useNavigate();
  const session = getCompanySession(slug);
  const { user } = useSessionState(session);

  if (user?.mustChangePassword) return <Navigate to={`${base}/admin/change-password`} replace />;

  const logout = async () => {
    await session.logout();
    navigate(`${base}/admin/login`, { replace: true });
  };

  return (
    <div className="min-h-dvh bg-zinc-50">
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex h-14 max-w-5xl items-center justify-between gap-3 px-4 sm:px-6">
          <div className="flex min-w-0 items-center gap-3">
            <Logo url={info.logoUrl} name={info.name} size="sm" />
            <span className="truncate font-semibold text-zinc-900">{info.name}</span>
          </div>
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
      </header>
      <main className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
        <h1 className="text-xl font-semibold tracking-tight text-zinc-900">
          {t("companyPortal.dashboardTitle")}
        </h1>
        <Card
          className="mt-6 flex flex-col items-start gap-4 p-6 sm:flex-row sm:items-center"
          data-testid="company-dashboard"
        >
          <Logo url={info.logoUrl} name={info.name} size="lg" />
          <div className="min-w-0 flex-1">
            <p className="text-sm text-zinc-500">{t("companyPortal.welcome")}</p>
            <p className="text-lg font-semibold text-zinc-900">{info.name}</p>
            {isCompanyStatus(info.status) && (
              <p className="mt-1 text-sm text-zinc-600">
                {t("companyPortal.statusLabel")}:{" "}
                <Badge
                  tone={info.status === "ACTIVE" ? "green" : "amber"}
                  data-testid="status-badge"
                >
                  {t(`status.${info.status}`)}
                </Badge>
              </p>
            )}
          </div>
        </Card>
        <Card className="mt-4 border-dashed p-6">
          <p className="font-medium text-zinc-900">{t("companyPortal.nextStep")}</p>
          <p className="mt-1 text-sm text-zinc-500">{t("companyPortal.nextStepHint")}</p>
        </Card>
      </main>
    </div>
  );
}

export function CompanyDashboardPage() {
  const { slug, base } = useCompanyContext();
  return (
    <RequireSession session={getCompanySession(slug)} loginPath={`${base}/admin/login`}>
      <Dashboard />
    </RequireSession>
  );
}
