import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { AuthCard } from "../../../components/auth/auth-card";
import { Logo } from "../../../components/ui/logo";
import { ChangePasswordForm } from "../../../features/company-auth/components/change-password-form";
import { getCompanySession } from "../../../lib/auth/sessions";
import { RequireSession } from "../../require-session";
import { useCompanyContext } from "./company-layout";
import { staffHome } from "./staff-home";

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { slug, info, base } = useCompanyContext();
  const navigate = useNavigate();
  return (
    <RequireSession session={getCompanySession(slug)} loginPath={`${base}/admin/login`}>
      <AuthCard
        brand={<Logo url={info.logoUrl} name={info.name} size="lg" />}
        title={t("password.title")}
        subtitle={t("password.intro")}
      >
        <ChangePasswordForm
          slug={slug}
          onDone={() =>
            navigate(staffHome(base, getCompanySession(slug).getState().user?.role), {
              replace: true,
            })
          }
        />
      </AuthCard>
    </RequireSession>
  );
}
