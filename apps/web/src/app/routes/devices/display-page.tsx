import { PairingGate } from "../../../features/device-pairing";
import { DisplayBoardPage } from "../display/display-board-page";

/** `/d/:slug/:branch`: pairs the hall screen, then shows the board. */
export function DisplayPage({ slug, branch }: { slug: string; branch: string }) {
  return (
    <PairingGate kind="DISPLAY" slug={slug} branchSlug={branch}>
      {(device) => (
        <DisplayBoardPage
          slug={slug}
          device={{
            token: device.token,
            settings: device.device.settings,
            timeZone: device.device.branch.timeZone,
          }}
          onUnpaired={device.unpair}
        />
      )}
    </PairingGate>
  );
}
