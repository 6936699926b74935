import { useTranslation } from "react-i18next";
import { Logo } from "../../../components/ui/logo";
import { PairingGate, type PairedDevice } from "../../../features/device-pairing";
import { brandStyle } from "../../../lib/brand-colors";
import { useLocalized } from "../../../lib/localized";

/** `/k/:slug/:branch`: pairs the kiosk, then (until the ticket kiosk exists) says it is ready. */
export function KioskPage({ slug, branch }: { slug: string; branch: string }) {
  return (
    <PairingGate kind="KIOSK" slug={slug} branchSlug={branch}>
      {(device) => <KioskReady device={device} />}
    </PairingGate>
  );
}

function KioskReady({ device }: { device: PairedDevice }) {
  const { t } = useTranslation();
  const local = useLocalized();
  const branchName = local(device.device.branch.name);
  return (
    <div
      style={brandStyle(device.company.primaryColor)}
      className="flex min-h-dvh flex-col bg-zinc-50"
    >
      <header className="flex items-center gap-4 bg-indigo-600 px-8 py-5 text-white">
        <Logo url={device.company.logoUrl} name={device.company.name} size="md" />
        <div>
          <p className="text-2xl font-semibold">{device.company.name}</p>
          <p className="text-base opacity-90">{branchName}</p>
        </div>
      </header>
      <main className="flex flex-1 flex-col items-center justify-center gap-8 p-8 text-center">
        <div>
          <p className="text-6xl text-emerald-600" aria-hidden="true">
            ✓
          </p>
          <h1 className="mt-3 text-4xl font-bold text-zinc-900" data-testid="kiosk-paired">
            {t("setup.kiosk.paired", { branch: branchName })}
          </h1>
          <p className="mt-2 text-lg text-zinc-600">{t("setup.kiosk.pairedHint")}</p>
        </div>
        <section className="w-full max-w-2xl" aria-labelledby="kiosk-services">
          <h2 id="kiosk-services" className="mb-3 text-left text-lg font-semibold text-zinc-800">
            {t("setup.kiosk.services")}
          </h2>
          {device.services.length === 0 ? (
            <p className="rounded-xl bg-amber-50 px-5 py-4 text-lg text-amber-900">
              {t("setup.kiosk.noServices")}
            </p>
          ) : (
            <ul className="grid gap-3 sm:grid-cols-2" data-testid="kiosk-services">
              {device.services.map((s) => (
                <li
                  key={s.id}
                  className="flex min-h-16 items-center gap-4 rounded-xl bg-white px-5 py-4 text-left shadow-sm ring-1 ring-zinc-200"
                >
                  <span className="flex size-12 shrink-0 items-center justify-center rounded-lg bg-indigo-600 font-mono text-xl font-bold text-white">
                    {s.letter}
                  </span>
                  <span>
                    <span className="block text-lg font-semibold text-zinc-900">
                      {local(s.name)}
                    </span>
                    <span className="text-sm text-zinc-500">
                      {t("setup.kiosk.minutes", { count: s.durationMinutes })}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <p className="text-sm text-zinc-400">{device.device.name}</p>
      </main>
    </div>
  );
}
