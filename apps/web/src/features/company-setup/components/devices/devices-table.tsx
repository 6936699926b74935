import { useTranslation } from "react-i18next";
import { Badge } from "../../../../components/ui/badge";
import { Button } from "../../../../components/ui/button";
import { Table, TBody, THead, Td, Th, Tr } from "../../../../components/ui/table";
import type { Device, DeviceStatus } from "../../api/types";
import { useAgo } from "./last-seen";
import { useNow } from "../../../../lib/use-now";

const tone: Record<DeviceStatus, "green" | "amber" | "gray" | "red"> = {
  PAIRED: "green",
  PENDING: "amber",
  EXPIRED: "gray",
  REVOKED: "red",
};

type Props = {
  devices: Device[];
  branchName: (id: string) => string;
  onNewCode: (device: Device) => void;
  onSettings: (device: Device) => void;
  onRevoke: (device: Device) => void;
  onDelete: (device: Device) => void;
};

export function DevicesTable({
  devices,
  branchName,
  onNewCode,
  onSettings,
  onRevoke,
  onDelete,
}: Props) {
  const { t } = useTranslation();
  const ago = useAgo(useNow(30_000));
  return (
    <Table>
      <THead>
        <Tr>
          <Th>{t("setup.devices.colDevice")}</Th>
          <Th>{t("setup.devices.colBranch")}</Th>
          <Th>{t("setup.common.status")}</Th>
          <Th>{t("setup.devices.lastSeen")}</Th>
          <Th className="text-right">{t("common.actions")}</Th>
        </Tr>
      </THead>
      <TBody>
        {devices.map((d) => (
          <Tr key={d.id} data-testid="device-row" data-status={d.status}>
            <Td className="min-w-40">
              <p className="font-medium text-zinc-900">{d.name}</p>
              <p className="text-xs text-zinc-500">{t(`setup.devices.kinds.${d.kind}`)}</p>
            </Td>
            <Td>{branchName(d.branchId)}</Td>
            <Td>
              <Badge tone={tone[d.status]} dot data-testid="device-status">
                {t(`setup.devices.statuses.${d.status}`)}
              </Badge>
            </Td>
            <Td className="whitespace-nowrap">
              {d.status === "PAIRED" ? ago(d.lastSeenAt ?? d.pairedAt) : "—"}
            </Td>
            <Td>
              <div className="flex flex-wrap justify-end gap-1">
                <Button size="sm" variant="ghost" onClick={() => onSettings(d)}>
                  {t("setup.devices.settings")}
                </Button>
                <Button size="sm" variant="ghost" onClick={() => onNewCode(d)}>
                  {d.status === "PAIRED" ? t("setup.devices.repair") : t("setup.devices.newCode")}
                </Button>
                {d.status === "PAIRED" || d.status === "PENDING" ? (
                  <Button size="sm" variant="dangerGhost" onClick={() => onRevoke(d)}>
                    {t("setup.devices.revoke")}
                  </Button>
                ) : (
                  <Button size="sm" variant="dangerGhost" onClick={() => onDelete(d)}>
                    {t("setup.common.delete")}
                  </Button>
                )}
              </div>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
