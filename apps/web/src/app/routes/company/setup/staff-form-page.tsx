import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { Alert } from "../../../../components/ui/alert";
import { PageHeader } from "../../../../components/ui/page-header";
import { PageSpinner } from "../../../../components/ui/spinner";
import { useToast } from "../../../../components/ui/toast";
import {
  STAFF_ROLES,
  type Credentials,
  type Staff,
  type StaffRole,
} from "../../../../features/company-setup/api/types";
import { OneTimePasswordDialog } from "../../../../features/company-setup/components/staff/one-time-password-dialog";
import { StaffActions } from "../../../../features/company-setup/components/staff/staff-actions";
import { StaffForm } from "../../../../features/company-setup/components/staff/staff-form";
import { useBranches } from "../../../../features/company-setup/hooks/use-branches";
import { useStaffMember } from "../../../../features/company-setup/hooks/use-staff";
import { getCompanySession, useSessionState } from "../../../../lib/auth/sessions";
import { useErrorMessage } from "../../../../lib/errors";
import { useSetupContext } from "./setup-context";

type Shown = Credentials & { name: string; email: string; oneTimePassword: string };

export function StaffNewPage() {
  return <StaffFormPage />;
}

export function StaffEditPage() {
  const { id = "" } = useParams();
  const { slug } = useSetupContext();
  const staff = useStaffMember(slug, id);
  const errorMessage = useErrorMessage();
  if (staff.isPending) return <PageSpinner />;
  if (staff.isError) return <Alert tone="error">{errorMessage(staff.error)}</Alert>;
  return <StaffFormPage staff={staff.data} />;
}

function StaffFormPage({ staff }: { staff?: Staff }) {
  const { t } = useTranslation();
  const { slug, base, adminBase, isAdmin } = useSetupContext();
  const navigate = useNavigate();
  const toast = useToast();
  const [params] = useSearchParams();
  const branches = useBranches(slug);
  const { user } = useSessionState(getCompanySession(slug));
  const [shown, setShown] = useState<Shown | null>(null);
  const back = `${adminBase}/staff`;
  const roleParam = STAFF_ROLES.find((r) => r === params.get("role"));
  const allowed: readonly StaffRole[] = isAdmin ? STAFF_ROLES : ["OPERATOR"];

  const show = (
    credentials: Credentials,
    person: { name: string; email: string },
    after?: () => void,
  ) => {
    if (credentials.oneTimePassword)
      setShown({ ...credentials, ...person, oneTimePassword: credentials.oneTimePassword });
    else after?.();
  };

  if (branches.isPending) return <PageSpinner />;
  return (
    <>
      <Link to={back} className="text-sm text-zinc-600 hover:underline">
        ← {t("setup.nav.staff")}
      </Link>
      <div className="mt-2">
        <PageHeader
          title={staff ? staff.name : t("setup.staff.newTitle")}
          subtitle={staff ? staff.email : t("setup.staff.newSubtitle")}
        />
      </div>
      <div className="space-y-6">
        <StaffForm
          key={staff?.updatedAt ?? "new"}
          slug={slug}
          staff={staff}
          initialRole={roleParam}
          branches={branches.data ?? []}
          allowedRoles={allowed}
          isSelf={staff?.id === user?.id}
          onCreated={(answer) => {
            toast.show(t("setup.staff.created", { name: answer.staff.name }));
            show(answer, answer.staff, () => {
              toast.show(t("setup.staff.inviteSent", { email: answer.staff.email }));
              navigate(back);
            });
          }}
          onSaved={() => toast.show(t("setup.staff.saved"))}
          onCancel={() => navigate(back)}
        />
        {staff && staff.id !== user?.id && (
          <StaffActions slug={slug} staff={staff} onCredentials={(c) => show(c, staff)} />
        )}
      </div>
      {shown && (
        <OneTimePasswordDialog
          open
          name={shown.name}
          email={shown.email}
          password={shown.oneTimePassword}
          expiresAt={shown.expiresAt}
          loginUrl={`${window.location.origin}${base}/admin/login`}
          onClose={() => {
            setShown(null);
            if (!staff) navigate(back);
          }}
        />
      )}
    </>
  );
}
