import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Navigate, useParams } from "react-router";
import { Alert } from "../../../components/ui/alert";
import { PageSpinner } from "../../../components/ui/spinner";
import { PortalShell } from "../../../features/portal/components/portal-shell";
import { requestJson } from "../../../lib/api/http";
import { isApiError } from "../../../lib/api/api-error";
import { useErrorMessage } from "../../../lib/errors";

/**
 * `/t/:token` on the platform's own host: the short link printed and sent by SMS. The token
 * alone says which company's ticket it is; the page moves on to that company's ticket page.
 */
export function BareTrackingPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const token = useParams().token ?? "";
  const lookup = useQuery({
    queryKey: ["tracking", token],
    queryFn: () =>
      requestJson<{ companySlug: string; trackPath: string }>(
        `/api/public/tracking/${encodeURIComponent(token)}`,
      ),
  });
  if (lookup.data) return <Navigate to={lookup.data.trackPath} replace />;
  return (
    <PortalShell>
      {lookup.isPending ? (
        <div role="status" aria-label={t("account.lookingUp")}>
          <PageSpinner />
        </div>
      ) : (
        <Alert tone="error" data-testid="tracked-error">
          {isApiError(lookup.error) && lookup.error.status === 404
            ? t("account.notFound")
            : errorMessage(lookup.error)}
        </Alert>
      )}
    </PortalShell>
  );
}
