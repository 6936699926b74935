import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/ui/alert";
import { isApiError } from "../../../lib/api/api-error";
import { useErrorMessage } from "../../../lib/errors";
import { PortalShell } from "./portal-shell";

type Props = {
  company: { name: string; logoUrl: string | null; href: string };
  error: unknown;
};

/** A portal page that could not load: "not found" for a 404, else what went wrong. */
export function PortalLoadError({ company, error }: Props) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return (
    <PortalShell company={company}>
      <Alert tone="error">
        {isApiError(error) && error.status === 404 ? t("common.notFoundText") : errorMessage(error)}
      </Alert>
    </PortalShell>
  );
}
