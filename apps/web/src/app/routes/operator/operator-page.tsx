import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate } from "react-router";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { PageSpinner } from "../../../components/ui/spinner";
import { operatorApi } from "../../../features/operator/api/operator.api";
import { BreakDialog } from "../../../features/operator/components/break-dialog";
import { CounterPicker } from "../../../features/operator/components/counter-picker";
import { StatusBar } from "../../../features/operator/components/status-bar";
import { WorkplaceScreen } from "../../../features/operator/components/workplace-screen";
import { useOperatorActions } from "../../../features/operator/hooks/use-operator-actions";
import { useWorkplace } from "../../../features/operator/hooks/use-workplace";
import { getCompanySession, useSessionState } from "../../../lib/auth/sessions";
import { useErrorMessage } from "../../../lib/errors";
import { useLocalized } from "../../../lib/localized";
import { RequireSession } from "../../require-session";
import { useCompanyContext } from "../company/company-layout";

function OperatorWorkplace() {
  const { t } = useTranslation();
  const { slug, info, base } = useCompanyContext();
  const navigate = useNavigate();
  const localized = useLocalized();
  const errorMessage = useErrorMessage();
  const session = getCompanySession(slug);
  const { user } = useSessionState(session);
  const { workplace, connection, movedTo, waitAlert, dismissWaitAlert } = useWorkplace(slug);
  const actions = useOperatorActions(slug);
  const [breakOpen, setBreakOpen] = useState(false);
  const [startError, setStartError] = useState<{ code: string; message: string } | null>(null);
  const api = useMemo(() => operatorApi(slug), [slug]);

  const data = workplace.data;
  const counterSession = data?.operator.session ?? null;
  const branchId = data?.branch?.id ?? null;
  // Every counter of the branch (and who sits there), so anyone can choose where to work.
  const directory = useQuery({
    queryKey: ["queue", "directory", slug, branchId],
    queryFn: ({ signal }) => api.directory(signal),
    enabled: !!branchId && !counterSession,
    retry: false,
  });

  if (user?.mustChangePassword) return <Navigate to={`${base}/admin/change-password`} replace />;
  if (workplace.isPending) return <PageSpinner />;
  if (workplace.isError || !data) {
    return (
      <div className="mx-auto max-w-md p-8">
        <Alert tone="error">{errorMessage(workplace.error)}</Alert>
        <Button className="mt-4" variant="secondary" onClick={() => void workplace.refetch()}>
          {t("common.retry")}
        </Button>
      </div>
    );
  }

  const logout = async () => {
    await session.logout();
    navigate(`${base}/admin/login?next=${encodeURIComponent(`${base}/operator`)}`, {
      replace: true,
    });
  };

  return (
    <div className="flex h-dvh min-h-[600px] flex-col bg-zinc-100" data-testid="operator-workplace">
      <StatusBar
        companyName={info.name}
        logoUrl={info.logoUrl}
        operatorName={data.operator.name}
        branchName={localized(data.branch?.name)}
        counterNumber={counterSession?.counterNumber ?? null}
        status={data.operator.status}
        reason={counterSession?.reason ?? null}
        connection={connection}
        statusPending={actions.pending?.kind === "status"}
        onStatus={(status) =>
          status === "BREAK" ? setBreakOpen(true) : void actions.setStatus(status)
        }
        onEndWork={() => void actions.setStatus("OFFLINE")}
        onLogout={() => void logout()}
      />
      {movedTo !== null && (
        <Alert tone="warning" className="m-4 mb-0" data-testid="moved-banner">
          {t("queue.operator.takenOver")}
        </Alert>
      )}
      {waitAlert && (
        <Alert tone="warning" className="m-4 mb-0" data-testid="wait-alert">
          {t("queue.operator.waitAlert", {
            service: localized(waitAlert.serviceName),
            minutes: waitAlert.longestWaitMinutes,
            target: waitAlert.targetMinutes,
          })}{" "}
          <button type="button" className="underline" onClick={dismissWaitAlert}>
            {t("queue.operator.waitAlertDismiss")}
          </button>
        </Alert>
      )}
      {counterSession ? (
        <WorkplaceScreen slug={slug} workplace={data} connection={connection} />
      ) : !data.branch ? (
        <div className="mx-auto mt-10 max-w-md">
          <Alert tone="warning">{t("queue.session.noBranch")}</Alert>
        </div>
      ) : (
        <CounterPicker
          operatorName={data.operator.name}
          branchName={localized(data.branch.name)}
          counters={directory.data?.counters ?? null}
          defaultCounterId={data.operator.defaultCounterId}
          pending={actions.pending?.kind === "session"}
          error={startError?.message ?? null}
          askTakeOver={startError?.code === "ALREADY_AT_COUNTER"}
          onStart={async (counterId, takeOver) => {
            setStartError(await actions.startSession(counterId, takeOver));
          }}
        />
      )}
      <BreakDialog
        open={breakOpen}
        pending={actions.pending?.kind === "status"}
        onClose={() => setBreakOpen(false)}
        onConfirm={async (reason) => {
          const failed = await actions.setStatus("BREAK", reason || undefined);
          if (!failed) setBreakOpen(false);
        }}
      />
    </div>
  );
}

/** `/c/:slug/operator` (or `/operator` on the company's host): the counter's working screen. */
export function OperatorPage() {
  const { slug, base } = useCompanyContext();
  return (
    <RequireSession session={getCompanySession(slug)} loginPath={`${base}/admin/login`}>
      <OperatorWorkplace />
    </RequireSession>
  );
}
