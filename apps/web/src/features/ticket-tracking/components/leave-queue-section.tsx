import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { isApiError } from "../../../lib/api/api-error";
import { useErrorMessage } from "../../../lib/errors";
import { leaveQueue } from "../api/tracking.api";
import { trackingKey } from "../hooks/use-tracked-ticket";

/**
 * "I am leaving" at the foot of a waiting ticket's page: asks once, then gives the place up, so
 * the operator does not call an empty hall and everyone behind moves up.
 */
export function LeaveQueueSection({
  slug,
  token,
  status,
}: {
  slug: string;
  token: string;
  status: string;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const leave = useMutation({
    mutationFn: () => leaveQueue(slug, token),
    onSuccess: (ticket) => client.setQueryData(trackingKey(slug, token), ticket),
  });
  const error = leave.error;
  if (leave.isSuccess) {
    return (
      <Alert tone="success" className="mt-4" data-testid="left-queue">
        {t("queue.track.left")}
      </Alert>
    );
  }
  if (status !== "WAITING") return null;
  return (
    <section className="mt-4 rounded-2xl bg-white p-4 shadow-sm" data-testid="leave-queue">
      {error && (
        <Alert tone="error" className="mb-3">
          {isApiError(error) && error.status === 409
            ? t("queue.track.leaveTooLate")
            : errorMessage(error)}
        </Alert>
      )}
      {confirming ? (
        <div className="space-y-3">
          <p className="text-sm text-zinc-800">{t("queue.track.leaveConfirm")}</p>
          <div className="grid gap-2 sm:grid-cols-2">
            <Button variant="secondary" className="h-12" onClick={() => setConfirming(false)}>
              {t("queue.track.stay")}
            </Button>
            <Button
              variant="danger"
              className="h-12"
              loading={leave.isPending}
              onClick={() => leave.mutate()}
            >
              {t("queue.track.leaveYes")}
            </Button>
          </div>
        </div>
      ) : (
        <Button
          variant="dangerGhost"
          className="h-12 w-full text-base"
          onClick={() => setConfirming(true)}
        >
          {t("queue.track.leave")}
        </Button>
      )}
    </section>
  );
}
