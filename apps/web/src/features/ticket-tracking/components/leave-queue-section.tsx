import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { InlineConfirm } from "../../../components/ui/inline-confirm";
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
        <InlineConfirm
          question={t("queue.track.leaveConfirm")}
          keepLabel={t("queue.track.stay")}
          confirmLabel={t("queue.track.leaveYes")}
          pending={leave.isPending}
          onKeep={() => setConfirming(false)}
          onConfirm={() => leave.mutate()}
        />
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
