import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router";
import { AuthCard } from "../../../components/auth/auth-card";
import { LoginForm } from "../../../components/auth/login-form";
import { Logo } from "../../../components/ui/logo";
import { PageSpinner } from "../../../components/ui/spinner";
import { getCompanySession, useSessionState } from "../../../lib/auth/sessions";
import { safeNext } from "../../require-session";
import { useCompanyContext } from "./company-layout";
import { staffHome } from "./staff-home";

export function CompanyLoginPage() {
  const { t } = useTranslation();
  const { slug, info, base } = useCompanyContext();
  const navigate = useNavigate();
  const location = useLocation();
  const session = getCompanySession(slug);
  const state = useSessionState(session);
  // An explicit ?next= wins; otherwise each role has its own home (operators: the counter).
  const next = safeNext(location.search, "");
  const changePassword = `${base}/admin/change-password`;

  useEffect(() => {
    if (state.status === "unknown") void session.ensure();
  }, [session, state.status]);

  if (state.status === "unknown") return <PageSpinner />;
  if (state.status === "authenticated") {
    const home = next || staffHome(base, state.user?.role);
    return <Navigate to={state.user?.mustChangePassword ? changePassword : home} replace />;
  }

  return (
    <AuthCard
      brand={
        <div className="flex flex-col items-center gap-2" data-testid="company-brand">
          <Logo url={info.logoUrl} name={info.name} size="lg" />
          <span className="text-base font-semibold text-zinc-900">{info.name}</span>
        </div>
      }
      title={t("companyPortal.loginTitle")}
      subtitle={t("companyPortal.loginSubtitle", { name: info.name })}
    >
      <LoginForm
        notice={state.expired ? t("auth.sessionExpired") : null}
        onLogin={async (email, password) => {
          const user = await session.login(email, password);
          const home = next || staffHome(base, user.role);
          navigate(user.mustChangePassword ? changePassword : home, { replace: true });
        }}
      />
    </AuthCard>
  );
}
