import { PairingGate } from "../../../features/device-pairing";
import { KioskScreen } from "../../../features/kiosk";

/** `/k/:slug/:branch`: pairs the kiosk, then issues tickets. */
export function KioskPage({ slug, branch }: { slug: string; branch: string }) {
  return (
    <PairingGate kind="KIOSK" slug={slug} branchSlug={branch}>
      {(device) => (
        <KioskScreen
          slug={slug}
          token={device.token}
          branding={{
            companyName: device.company.name,
            logoUrl: device.company.logoUrl,
            primaryColor: device.company.primaryColor,
          }}
          branchName={device.device.branch.name}
          onUnpaired={device.unpair}
        />
      )}
    </PairingGate>
  );
}
