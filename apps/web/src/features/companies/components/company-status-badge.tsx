import type { CompanyStatus } from "@equeue/contracts";
import { useTranslation } from "react-i18next";
import { Badge, type BadgeTone } from "../../../components/ui/badge";

const tones: Record<CompanyStatus, BadgeTone> = {
  ACTIVE: "green",
  INACTIVE: "amber",
  SUSPENDED: "red",
  DELETED: "dark",
};

export function CompanyStatusBadge({ status }: { status: CompanyStatus }) {
  const { t } = useTranslation();
  return (
    <Badge tone={tones[status]} dot data-testid="status-badge" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}

export function ReadyBadge() {
  const { t } = useTranslation();
  return (
    <Badge tone="indigo" data-testid="ready-badge">
      {t("companies.ready")}
    </Badge>
  );
}
