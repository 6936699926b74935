import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useBlocker } from "react-router";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";

/** The guards holding unsaved changes now, and whether leaving was already confirmed. */
const holding = new Set<symbol>();
let leaveConfirmed = false;

/** Whether a form on the page has unsaved changes (logging out asks first then). */
export const hasUnsavedChanges = () => holding.size > 0;

/**
 * Runs `leave`, which moves away (logs out and goes to the sign-in page), once the person has
 * said to leave without saving: no guard asks again on the way.
 */
export async function leaveAnyway(leave: () => Promise<void>): Promise<void> {
  leaveConfirmed = true;
  try {
    await leave();
  } finally {
    leaveConfirmed = false;
  }
}

/**
 * Asks before a form's unsaved changes are lost: moving to another page or tab of the panel asks
 * in a dialog (stay, or leave without saving); closing or reloading the browser tab asks the
 * browser's own question; logging out asks too (hasUnsavedChanges). Does nothing while `when`
 * is false.
 */
export function LeaveGuard({ when }: { when: boolean }) {
  const { t } = useTranslation();
  const [id] = useState(() => Symbol("unsaved"));
  useEffect(() => {
    if (!when) return;
    holding.add(id);
    return () => void holding.delete(id);
  }, [when, id]);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      when &&
      !leaveConfirmed &&
      (currentLocation.pathname !== nextLocation.pathname ||
        currentLocation.search !== nextLocation.search),
  );
  useEffect(() => {
    if (!when) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [when]);
  return (
    <ConfirmDialog
      open={blocker.state === "blocked"}
      title={t("setup.common.leaveTitle")}
      description={t("setup.common.leaveText")}
      confirmLabel={t("setup.common.leave")}
      dismissLabel={t("setup.common.stay")}
      tone="danger"
      onConfirm={() => blocker.proceed?.()}
      onClose={() => blocker.reset?.()}
    />
  );
}
