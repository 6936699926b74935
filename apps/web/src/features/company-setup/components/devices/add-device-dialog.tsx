import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../../components/ui/button";
import { Dialog } from "../../../../components/ui/dialog";
import { Field } from "../../../../components/ui/field";
import { Input } from "../../../../components/ui/input";
import { Select } from "../../../../components/ui/select";
import { useLocalized } from "../../../../lib/localized";
import type { Branch, DeviceKind } from "../../api/types";
import { useSetupError } from "../use-setup-error";

type Props = {
  open: boolean;
  kind: DeviceKind;
  branches: Branch[];
  defaultBranchId: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: { branchId: string; kind: DeviceKind; name?: string }) => void;
  onClose: () => void;
};

/** Which branch the new kiosk or board stands in, and a name to tell it apart. */
export function AddDeviceDialog({
  open,
  kind,
  branches,
  defaultBranchId,
  pending,
  error,
  onSubmit,
  onClose,
}: Props) {
  const { t } = useTranslation();
  const local = useLocalized();
  const explain = useSetupError();
  const [branchId, setBranchId] = useState(defaultBranchId);
  const [name, setName] = useState("");
  const explained = error ? explain(error) : null;

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t(`setup.devices.addTitle.${kind}`)}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            {t("common.cancel")}
          </Button>
          <Button
            onClick={() =>
              onSubmit({ branchId, kind, ...(name.trim() ? { name: name.trim() } : {}) })
            }
            loading={pending}
            disabled={!branchId}
          >
            {t("setup.devices.getCode")}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        <Field
          id="device-branch"
          label={t("setup.devices.colBranch")}
          error={explained?.fields.branchId}
        >
          <Select id="device-branch" value={branchId} onChange={(e) => setBranchId(e.target.value)}>
            {branches.map((b) => (
              <option key={b.id} value={b.id}>
                {local(b.name)}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="device-name"
          label={t("setup.devices.name")}
          hint={t("setup.devices.nameHint")}
          error={explained?.fields.name}
        >
          <Input
            id="device-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t(`setup.devices.namePlaceholder.${kind}`)}
          />
        </Field>
        {explained && !Object.keys(explained.fields).length && (
          <p role="alert" className="text-sm text-red-700">
            {explained.message}
          </p>
        )}
      </div>
    </Dialog>
  );
}
