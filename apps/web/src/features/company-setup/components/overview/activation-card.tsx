import { useTranslation } from "react-i18next";
import { Badge } from "../../../../components/ui/badge";
import { Button } from "../../../../components/ui/button";
import { Card } from "../../../../components/ui/card";
import { useFormatDate } from "../../../../lib/format";
import type { Overview } from "../../api/types";
import { useRequestActivation } from "../../hooks/use-overview";
import { useSetupError } from "../use-setup-error";

const tone = { ACTIVE: "green", INACTIVE: "amber", SUSPENDED: "red", DELETED: "gray" } as const;

/** The company's status and the "ready for activation" request, with what it is waiting for. */
export function ActivationCard({ slug, overview }: { slug: string; overview: Overview }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const ready = useRequestActivation(slug);
  const explain = useSetupError();
  const requested = overview.readyRequestedAt;

  let body: React.ReactNode;
  if (overview.status === "ACTIVE") {
    body = <p className="text-sm text-zinc-600">{t("setup.overview.activeText")}</p>;
  } else if (overview.status !== "INACTIVE") {
    body = <p className="text-sm text-zinc-600">{t("setup.overview.unavailableText")}</p>;
  } else if (requested) {
    body = (
      <p className="text-sm text-zinc-600" data-testid="ready-requested">
        {t("setup.overview.requestedText", { date: formatDate(requested) })}
      </p>
    );
  } else {
    body = (
      <>
        <p className="text-sm text-zinc-600">
          {overview.canRequestActivation
            ? t("setup.overview.readyText")
            : t("setup.overview.notReadyText")}
        </p>
        {ready.error && (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {explain(ready.error).message}
          </p>
        )}
      </>
    );
  }

  return (
    <Card className="flex flex-wrap items-center gap-4 p-5" data-testid="activation-card">
      <div className="min-w-0 flex-1">
        <p className="flex items-center gap-2 text-sm font-medium text-zinc-900">
          {t("setup.overview.statusLabel")}
          <Badge
            tone={tone[overview.status]}
            dot
            data-testid="status-badge"
            data-status={overview.status}
          >
            {t(`status.${overview.status}`)}
          </Badge>
          {overview.status === "INACTIVE" && requested && (
            <Badge tone="blue">{t("setup.overview.requestedBadge")}</Badge>
          )}
        </p>
        <div className="mt-1">{body}</div>
      </div>
      {overview.status === "INACTIVE" && !requested && (
        <Button
          onClick={() => ready.mutate()}
          loading={ready.isPending}
          disabled={!overview.canRequestActivation}
          data-testid="ready-button"
        >
          {t("setup.overview.readyButton")}
        </Button>
      )}
    </Card>
  );
}
