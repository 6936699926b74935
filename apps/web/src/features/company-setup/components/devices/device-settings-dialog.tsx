import { DEVICE_SETTINGS_DEFAULTS, DEVICE_SETTINGS_LIMITS } from "@equeue/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../../components/ui/button";
import { Dialog } from "../../../../components/ui/dialog";
import { Field } from "../../../../components/ui/field";
import { Input } from "../../../../components/ui/input";
import { LANGUAGES, type Language } from "../../../../lib/i18n";
import { useLocalized } from "../../../../lib/localized";
import type { Device } from "../../api/types";
import { useBranchServices } from "../../hooks/use-branches";
import { CheckRow } from "../form-section";
import { SwitchRow } from "../switch";
import { useSetupError } from "../use-setup-error";

type Props = {
  slug: string;
  device: Device;
  pending: boolean;
  error: unknown;
  onSave: (patch: { name: string; settings: Record<string, unknown> }) => void;
  onClose: () => void;
};

const { KIOSK, DISPLAY } = DEVICE_SETTINGS_DEFAULTS;
const { idleResetSeconds: IDLE, historySize: HISTORY } = DEVICE_SETTINGS_LIMITS;

const asStrings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
const asLanguages = (v: unknown): Language[] =>
  asStrings(v).filter((x): x is Language => (LANGUAGES as readonly string[]).includes(x));

/** A kiosk's services, languages, printing and idle reset; a board's languages, history and voice. */
export function DeviceSettingsDialog({ slug, device, pending, error, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const local = useLocalized();
  const explain = useSetupError();
  const s = device.settings;
  const kiosk = device.kind === "KIOSK";
  const services = useBranchServices(slug, device.branchId);
  const [name, setName] = useState(device.name);
  const [serviceIds, setServiceIds] = useState(asStrings(s.serviceIds));
  const [languages, setLanguages] = useState<Language[]>(
    asLanguages(s.languages).length
      ? asLanguages(s.languages)
      : [...(kiosk ? KIOSK : DISPLAY).languages],
  );
  const [autoPrint, setAutoPrint] = useState(s.autoPrint !== false);
  const [offlineIssuing, setOfflineIssuing] = useState(s.offlineIssuing === true);
  const [idle, setIdle] = useState(
    String(typeof s.idleResetSeconds === "number" ? s.idleResetSeconds : KIOSK.idleResetSeconds),
  );
  const [historySize, setHistorySize] = useState(
    String(typeof s.historySize === "number" ? s.historySize : DISPLAY.historySize),
  );
  const [voice, setVoice] = useState(s.voice !== false);
  const [problem, setProblem] = useState<string | null>(null);
  const explained = error ? explain(error) : null;
  const offered = (services.data ?? []).filter((x) => x.enabled && x.active);

  const save = () => {
    if (languages.length === 0) return setProblem(t("setup.devices.languagesRequired"));
    const idleN = Number(idle);
    if (kiosk && !(Number.isInteger(idleN) && idleN >= IDLE.min && idleN <= IDLE.max))
      return setProblem(t("setup.devices.idleInvalid"));
    const historyN = Number(historySize);
    if (
      !kiosk &&
      !(Number.isInteger(historyN) && historyN >= HISTORY.min && historyN <= HISTORY.max)
    )
      return setProblem(t("setup.devices.historyInvalid"));
    setProblem(null);
    onSave({
      name: name.trim() || device.name,
      settings: kiosk
        ? { serviceIds, languages, autoPrint, idleResetSeconds: idleN, offlineIssuing }
        : { languages, historySize: historyN, voice },
    });
  };

  return (
    <Dialog
      open
      size="lg"
      onClose={onClose}
      title={t("setup.devices.settingsTitle", { name: device.name })}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            {t("common.cancel")}
          </Button>
          <Button onClick={save} loading={pending}>
            {t("common.save")}
          </Button>
        </>
      }
    >
      <div className="space-y-5">
        <Field id="device-settings-name" label={t("setup.devices.name")}>
          <Input id="device-settings-name" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        {kiosk && (
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-zinc-800">
              {t("setup.devices.kioskServices")}
            </legend>
            <p className="mb-2 text-xs text-zinc-500">{t("setup.devices.kioskServicesHint")}</p>
            {offered.length === 0 ? (
              <p className="text-sm text-amber-700">{t("setup.staff.noServicesAtBranch")}</p>
            ) : (
              <div className="grid gap-2 sm:grid-cols-2">
                {offered.map((x) => (
                  <CheckRow
                    key={x.serviceId}
                    id={`kiosk-service-${x.serviceId}`}
                    checked={serviceIds.includes(x.serviceId)}
                    onChange={(c) =>
                      setServiceIds(
                        c
                          ? [...serviceIds, x.serviceId]
                          : serviceIds.filter((id) => id !== x.serviceId),
                      )
                    }
                    label={`${x.letter} · ${local(x.name)}`}
                  />
                ))}
              </div>
            )}
          </fieldset>
        )}
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-zinc-800">
            {t("setup.devices.languages")}
          </legend>
          <div className="flex flex-wrap gap-2">
            {LANGUAGES.map((lang) => (
              <CheckRow
                key={lang}
                id={`device-lang-${lang}`}
                checked={languages.includes(lang)}
                onChange={(c) =>
                  setLanguages(c ? [...languages, lang] : languages.filter((l) => l !== lang))
                }
                label={t(`languages.${lang}`)}
              />
            ))}
          </div>
        </fieldset>
        {kiosk ? (
          <div className="grid gap-5 sm:grid-cols-2">
            <SwitchRow
              id="device-autoPrint"
              checked={autoPrint}
              onChange={setAutoPrint}
              label={t("setup.devices.autoPrint")}
              hint={t("setup.devices.autoPrintHint")}
            />
            <SwitchRow
              id="device-offlineIssuing"
              checked={offlineIssuing}
              onChange={setOfflineIssuing}
              label={t("setup.devices.offlineIssuing")}
              hint={t("setup.devices.offlineIssuingHint")}
            />
            <Field
              id="device-idle"
              label={t("setup.devices.idleReset")}
              hint={t("setup.devices.idleResetHint")}
            >
              <Input
                id="device-idle"
                type="number"
                min={IDLE.min}
                max={IDLE.max}
                value={idle}
                onChange={(e) => setIdle(e.target.value)}
                className="w-32!"
              />
            </Field>
          </div>
        ) : (
          <div className="grid gap-5 sm:grid-cols-2">
            <Field
              id="device-history"
              label={t("setup.devices.historySize")}
              hint={t("setup.devices.historySizeHint")}
            >
              <Input
                id="device-history"
                type="number"
                min={HISTORY.min}
                max={HISTORY.max}
                value={historySize}
                onChange={(e) => setHistorySize(e.target.value)}
                className="w-32!"
              />
            </Field>
            <SwitchRow
              id="device-voice"
              checked={voice}
              onChange={setVoice}
              label={t("setup.devices.voice")}
              hint={t("setup.devices.voiceHint")}
            />
          </div>
        )}
        {(problem ?? explained) && (
          <p role="alert" className="text-sm text-red-700">
            {problem ??
              (explained && [explained.message, ...Object.values(explained.fields)].join(" "))}
          </p>
        )}
      </div>
    </Dialog>
  );
}
