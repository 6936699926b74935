import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useBlocker } from "react-router";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";

/**
 * Asks before a form's unsaved changes are lost: moving to another page or tab of the panel asks
 * in a dialog (stay, or leave without saving); closing or reloading the browser tab asks the
 * browser's own question. Does nothing while `when` is false.
 */
export function LeaveGuard({ when }: { when: boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      when &&
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
