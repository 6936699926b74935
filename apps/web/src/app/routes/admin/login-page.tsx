import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router";
import { AuthCard } from "../../../components/auth/auth-card";
import { LoginForm } from "../../../components/auth/login-form";
import { BrandMark } from "../../../components/brand-mark";
import { PageSpinner } from "../../../components/ui/spinner";
import { platformSession, useSessionState } from "../../../lib/auth/sessions";
import { safeNext } from "../../require-session";

export function AdminLoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const state = useSessionState(platformSession);
  const next = safeNext(location.search, "/admin/companies");

  useEffect(() => {
    if (state.status === "unknown") void platformSession.ensure();
  }, [state.status]);

  if (state.status === "unknown") return <PageSpinner />;
  if (state.status === "authenticated") return <Navigate to={next} replace />;

  return (
    <AuthCard
      brand={<BrandMark />}
      title={t("auth.platformTitle")}
      subtitle={t("auth.platformSubtitle")}
    >
      <LoginForm
        notice={state.expired ? t("auth.sessionExpired") : null}
        onLogin={async (email, password) => {
          await platformSession.login(email, password);
          navigate(next, { replace: true });
        }}
      />
    </AuthCard>
  );
}
