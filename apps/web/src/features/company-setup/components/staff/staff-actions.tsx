import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../../components/ui/button";
import { ConfirmDialog } from "../../../../components/ui/confirm-dialog";
import { useToast } from "../../../../components/ui/toast";
import type { Credentials, Delivery, Staff } from "../../api/types";
import {
  useDeactivationCheck,
  useResetStaffPassword,
  useSetStaffActive,
} from "../../hooks/use-staff";
import { FormSection } from "../form-section";
import { useSetupError } from "../use-setup-error";
import { ShortSlots } from "./short-slots";
import { DeliveryPicker } from "./staff-form";

type Props = {
  slug: string;
  staff: Staff;
  onCredentials: (credentials: Credentials) => void;
};

/**
 * Deactivate or reactivate an account, and reset its password — each after a confirmation. Not for
 * one's own account: the server refuses both (one's password is changed in the profile).
 */
export function StaffActions({ slug, staff, onCredentials }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const explain = useSetupError();
  const setActive = useSetStaffActive(slug, staff.id);
  const reset = useResetStaffPassword(slug, staff.id);
  const [dialog, setDialog] = useState<"active" | "reset" | null>(null);
  const [delivery, setDelivery] = useState<Delivery>("PASSWORD");
  // Deactivating someone booked customers count on: the dialog names the times left short.
  const short = useDeactivationCheck(slug, staff.id, dialog === "active" && staff.active).data;
  const close = () => {
    setDialog(null);
    setActive.reset();
    reset.reset();
  };

  return (
    <FormSection title={t("setup.staff.sectionAccount")}>
      <div className="flex flex-wrap gap-3">
        <Button variant="secondary" onClick={() => setDialog("reset")} disabled={!staff.active}>
          {t("setup.staff.resetPassword")}
        </Button>
        {staff.active ? (
          <Button variant="dangerGhost" onClick={() => setDialog("active")}>
            {t("setup.staff.deactivate")}
          </Button>
        ) : (
          <Button variant="secondary" onClick={() => setDialog("active")}>
            {t("setup.staff.reactivate")}
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={dialog === "active"}
        title={t(staff.active ? "setup.staff.deactivateTitle" : "setup.staff.reactivateTitle", {
          name: staff.name,
        })}
        description={t(staff.active ? "setup.staff.deactivateText" : "setup.staff.reactivateText")}
        confirmLabel={staff.active ? t("setup.staff.deactivate") : t("setup.staff.reactivate")}
        tone={staff.active ? "danger" : "primary"}
        pending={setActive.isPending}
        error={setActive.error ? explain(setActive.error).message : null}
        onClose={close}
        onConfirm={() =>
          setActive.mutate(!staff.active, {
            onSuccess: (s) => {
              close();
              toast.show(t(s.active ? "setup.staff.reactivated" : "setup.staff.deactivated"));
            },
          })
        }
      >
        {staff.active && short && short.bookingsShort > 0 && (
          <div className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-amber-900">
            <p className="font-medium">
              {t("setup.staff.deactivateShort", { count: short.bookingsShort })}
            </p>
            <ShortSlots check={short} />
          </div>
        )}
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === "reset"}
        title={t("setup.staff.resetTitle", { name: staff.name })}
        description={t("setup.staff.resetText")}
        confirmLabel={t("setup.staff.resetPassword")}
        pending={reset.isPending}
        error={reset.error ? explain(reset.error).message : null}
        onClose={close}
        onConfirm={() =>
          reset.mutate(delivery, {
            onSuccess: (credentials) => {
              close();
              if (credentials.oneTimePassword) onCredentials(credentials);
              else toast.show(t("setup.staff.inviteSent", { email: staff.email }));
            },
          })
        }
      >
        <div className="mt-4">
          <DeliveryPicker value={delivery} onChange={setDelivery} />
        </div>
      </ConfirmDialog>
    </FormSection>
  );
}
