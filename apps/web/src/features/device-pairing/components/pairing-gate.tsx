import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PageSpinner } from "../../../components/ui/spinner";
import { useErrorMessage } from "../../../lib/errors";
import type { DeviceKind, DeviceMe } from "../api/pairing.api";
import { usePairedDevice } from "../hooks/use-paired-device";
import { PairingScreen } from "./pairing-screen";

/** What a paired screen receives: its token, what the server knows about it, and a way out. */
export type PairedDevice = DeviceMe & {
  token: string;
  /** Forget the token and show the pairing screen again (call it when the server answers 401). */
  unpair: () => void;
};

type Props = {
  kind: DeviceKind;
  slug: string;
  branchSlug: string;
  children: (device: PairedDevice) => ReactNode;
};

const pathOf = (kind: DeviceKind, slug: string, branchSlug: string) =>
  `/${kind === "KIOSK" ? "k" : "d"}/${encodeURIComponent(slug)}/${encodeURIComponent(branchSlug)}`;

/**
 * Shows the pairing screen until this browser holds a valid device token for the company,
 * branch and kind; then renders `children` with the device. A revoked token brings the pairing
 * screen back.
 */
export function PairingGate({ kind, slug, branchSlug, children }: Props) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { token, me, unpair, adopt, wasUnpaired } = usePairedDevice(slug, branchSlug, kind);

  if (!token) {
    return (
      <PairingScreen
        slug={slug}
        branchSlug={branchSlug}
        kind={kind}
        wasUnpaired={wasUnpaired}
        onPaired={(newToken, device) => {
          const actual = { branchSlug: device.branch.slug, kind: device.kind };
          adopt(newToken, actual);
          // A code of another branch or kind was entered here: go where that device belongs
          // (a page load: the other face, or another address of this one).
          if (actual.branchSlug !== branchSlug || actual.kind !== kind)
            window.location.replace(pathOf(actual.kind, slug, actual.branchSlug));
        }}
      />
    );
  }
  if (me.data) return <>{children({ ...me.data, token, unpair })}</>;
  if (me.isError) {
    return (
      <div
        role="alert"
        className="flex min-h-dvh flex-col items-center justify-center gap-4 bg-zinc-100 p-8 text-center"
      >
        <p className="text-2xl font-semibold text-zinc-900">{t("setup.pairing.offline")}</p>
        <p className="text-lg text-zinc-600">{errorMessage(me.error)}</p>
        <button
          type="button"
          onClick={() => void me.refetch()}
          className="h-14 rounded-xl bg-indigo-600 px-8 text-lg font-semibold text-white"
        >
          {t("common.retry")}
        </button>
      </div>
    );
  }
  return <PageSpinner />;
}
