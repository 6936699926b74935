import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Alert } from "../../../../components/ui/alert";
import { Button, buttonClass } from "../../../../components/ui/button";
import { ConfirmDialog } from "../../../../components/ui/confirm-dialog";
import { Dialog } from "../../../../components/ui/dialog";
import { EmptyState } from "../../../../components/ui/empty-state";
import { PageHeader } from "../../../../components/ui/page-header";
import { Select } from "../../../../components/ui/select";
import { PageSpinner } from "../../../../components/ui/spinner";
import { useToast } from "../../../../components/ui/toast";
import type { Device, DeviceKind, PairingCode } from "../../../../features/company-setup/api/types";
import { AddDeviceDialog } from "../../../../features/company-setup/components/devices/add-device-dialog";
import { DeviceSettingsDialog } from "../../../../features/company-setup/components/devices/device-settings-dialog";
import { DevicesTable } from "../../../../features/company-setup/components/devices/devices-table";
import { PairingCodeCard } from "../../../../features/company-setup/components/devices/pairing-code-card";
import { useSetupError } from "../../../../features/company-setup/components/use-setup-error";
import { useBranches } from "../../../../features/company-setup/hooks/use-branches";
import {
  useDeviceCommands,
  useDevices,
} from "../../../../features/company-setup/hooks/use-devices";
import { useLocalized } from "../../../../lib/localized";
import { useSetupContext } from "./setup-context";

type Confirm = { device: Device; action: "revoke" | "delete" };

export function DevicesPage() {
  const { t } = useTranslation();
  const { slug, adminBase } = useSetupContext();
  const local = useLocalized();
  const toast = useToast();
  const explain = useSetupError();
  const branches = useBranches(slug);
  const [pairing, setPairing] = useState<PairingCode | null>(null);
  // While a code is on screen, look often: the dialog turns to "paired" as soon as it is entered.
  const devices = useDevices(slug, pairing ? 2_000 : 15_000);
  const commands = useDeviceCommands(slug);
  const [branchFilter, setBranchFilter] = useState("");
  const [adding, setAdding] = useState<DeviceKind | null>(null);
  const [editing, setEditing] = useState<Device | null>(null);
  const [confirm, setConfirm] = useState<Confirm | null>(null);

  if (branches.isPending || devices.isPending) return <PageSpinner />;
  const allBranches = branches.data ?? [];
  const openBranches = allBranches.filter((b) => b.status === "OPEN");
  const byId = new Map(allBranches.map((b) => [b.id, b]));
  const branchName = (id: string) => local(byId.get(id)?.name);
  const list = (devices.data ?? []).filter((d) => !branchFilter || d.branchId === branchFilter);
  const pairingBranch = pairing ? byId.get(pairing.device.branchId) : undefined;
  const pairedNow =
    pairing && devices.data?.find((d) => d.id === pairing.device.id)?.status === "PAIRED";
  const deviceUrl = (kind: DeviceKind, branchSlug: string) =>
    `${window.location.origin}/${kind === "KIOSK" ? "k" : "d"}/${slug}/${branchSlug}`;

  const newCode = (device: Device) =>
    commands.newCode.mutate(device.id, {
      onSuccess: setPairing,
      onError: (e) => toast.show(explain(e).message, "error"),
    });

  if (allBranches.length === 0) {
    return (
      <>
        <PageHeader title={t("setup.devices.title")} subtitle={t("setup.devices.subtitle")} />
        <EmptyState
          title={t("setup.devices.noBranches")}
          hint={t("setup.devices.noBranchesHint")}
          action={
            <Link to={`${adminBase}/branches/new`} className={buttonClass("primary")}>
              + {t("setup.branches.new")}
            </Link>
          }
        />
      </>
    );
  }

  const addButtons = (
    <>
      <Button onClick={() => setAdding("KIOSK")} disabled={openBranches.length === 0}>
        + {t("setup.devices.addKiosk")}
      </Button>
      <Button
        variant="secondary"
        onClick={() => setAdding("DISPLAY")}
        disabled={openBranches.length === 0}
      >
        + {t("setup.devices.addDisplay")}
      </Button>
    </>
  );

  return (
    <>
      <PageHeader
        title={t("setup.devices.title")}
        subtitle={t("setup.devices.subtitle")}
        actions={addButtons}
      />
      {devices.isError && <Alert tone="error">{explain(devices.error).message}</Alert>}
      {(devices.data ?? []).length === 0 ? (
        <EmptyState
          title={t("setup.devices.empty")}
          hint={t("setup.devices.emptyHint")}
          action={<div className="flex gap-2">{addButtons}</div>}
        />
      ) : (
        <>
          <div className="mb-4 w-64">
            <label htmlFor="device-branch-filter" className="sr-only">
              {t("setup.devices.colBranch")}
            </label>
            <Select
              id="device-branch-filter"
              value={branchFilter}
              onChange={(e) => setBranchFilter(e.target.value)}
            >
              <option value="">{t("setup.devices.allBranches")}</option>
              {allBranches.map((b) => (
                <option key={b.id} value={b.id}>
                  {local(b.name)}
                </option>
              ))}
            </Select>
          </div>
          <DevicesTable
            devices={list}
            branchName={branchName}
            onNewCode={newCode}
            onSettings={setEditing}
            onRevoke={(device) => setConfirm({ device, action: "revoke" })}
            onDelete={(device) => setConfirm({ device, action: "delete" })}
          />
        </>
      )}

      {adding && (
        <AddDeviceDialog
          open
          kind={adding}
          branches={openBranches}
          defaultBranchId={branchFilter || openBranches[0]?.id || ""}
          pending={commands.create.isPending}
          error={commands.create.error}
          onClose={() => {
            setAdding(null);
            commands.create.reset();
          }}
          onSubmit={(input) =>
            commands.create.mutate(input, {
              onSuccess: (answer) => {
                setAdding(null);
                setPairing(answer);
              },
            })
          }
        />
      )}

      {pairing && pairingBranch && (
        <Dialog
          open
          size="lg"
          onClose={() => setPairing(null)}
          title={t(`setup.devices.pairTitle.${pairing.device.kind}`, { name: pairing.device.name })}
          footer={<Button onClick={() => setPairing(null)}>{t("common.close")}</Button>}
        >
          {pairedNow ? (
            <div className="py-8 text-center" data-testid="pairing-done">
              <p className="text-4xl text-emerald-600" aria-hidden="true">
                ✓
              </p>
              <p className="mt-2 text-lg font-semibold text-zinc-900">
                {t("setup.devices.pairedNow")}
              </p>
              <p className="text-sm text-zinc-600">{t("setup.devices.pairedNowHint")}</p>
            </div>
          ) : (
            <PairingCodeCard
              code={pairing.pairingCode}
              expiresAt={pairing.pairingExpiresAt}
              kind={pairing.device.kind}
              url={deviceUrl(pairing.device.kind, pairingBranch.slug)}
              branchName={local(pairingBranch.name)}
              onNewCode={() => newCode(pairing.device)}
              newCodePending={commands.newCode.isPending}
            />
          )}
        </Dialog>
      )}

      {editing && (
        <DeviceSettingsDialog
          slug={slug}
          device={editing}
          pending={commands.update.isPending}
          error={commands.update.error}
          onClose={() => {
            setEditing(null);
            commands.update.reset();
          }}
          onSave={(patch) =>
            commands.update.mutate(
              { id: editing.id, ...patch },
              {
                onSuccess: () => {
                  setEditing(null);
                  toast.show(t("setup.devices.settingsSaved"));
                },
              },
            )
          }
        />
      )}

      <ConfirmDialog
        open={confirm !== null}
        title={t(
          confirm?.action === "delete" ? "setup.devices.deleteTitle" : "setup.devices.revokeTitle",
          {
            name: confirm?.device.name ?? "",
          },
        )}
        description={t(
          confirm?.action === "delete" ? "setup.devices.deleteText" : "setup.devices.revokeText",
        )}
        confirmLabel={
          confirm?.action === "delete" ? t("setup.common.delete") : t("setup.devices.revoke")
        }
        tone="danger"
        pending={commands.revoke.isPending || commands.remove.isPending}
        error={
          (confirm?.action === "delete" ? commands.remove.error : commands.revoke.error)
            ? explain(confirm?.action === "delete" ? commands.remove.error : commands.revoke.error)
                .message
            : null
        }
        onClose={() => {
          setConfirm(null);
          commands.revoke.reset();
          commands.remove.reset();
        }}
        onConfirm={() => {
          if (!confirm) return;
          const command = confirm.action === "delete" ? commands.remove : commands.revoke;
          command.mutate(confirm.device.id, {
            onSuccess: () => {
              setConfirm(null);
              toast.show(
                t(confirm.action === "delete" ? "setup.devices.deleted" : "setup.devices.revoked"),
              );
            },
          });
        }}
      />
    </>
  );
}
