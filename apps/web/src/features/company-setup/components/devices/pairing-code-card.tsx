import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../../components/ui/button";
import type { DeviceKind } from "../../api/types";
import { useNow } from "../../../../lib/use-now";

type Props = {
  code: string;
  expiresAt: string;
  kind: DeviceKind;
  /** The address to open on the device. */
  url: string;
  branchName: string;
  onNewCode: () => void;
  newCodePending?: boolean;
};

const grouped = (code: string) =>
  code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;

/** The one-time code in large digits, its countdown and what to do on the device. */
export function PairingCodeCard({
  code,
  expiresAt,
  kind,
  url,
  branchName,
  onNewCode,
  newCodePending,
}: Props) {
  const { t } = useTranslation();
  const now = useNow();
  const [copied, setCopied] = useState(false);
  const left = Math.max(0, Math.floor((new Date(expiresAt).getTime() - now) / 1000));
  const expired = left === 0;
  const mmss = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;

  return (
    <div className="space-y-5" data-testid="pairing-panel">
      <ol className="space-y-1.5 text-sm text-zinc-700">
        <li>1. {t(`setup.devices.step1.${kind}`, { branch: branchName })}</li>
        <li>2. {t("setup.devices.step2")}</li>
        <li>3. {t("setup.devices.step3")}</li>
      </ol>
      <div className="flex flex-wrap items-center gap-2 rounded-md bg-zinc-50 px-3 py-2">
        <code
          className="min-w-0 flex-1 font-mono text-sm break-all text-zinc-900"
          data-testid="pairing-url"
        >
          {url}
        </code>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => setCopied(true));
          }}
        >
          {copied ? `✓ ${t("common.copied")}` : t("setup.common.copy")}
        </Button>
      </div>
      <div className="rounded-xl border-2 border-dashed border-indigo-200 bg-indigo-50/50 px-4 py-6 text-center">
        <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase">
          {t("setup.devices.codeLabel")}
        </p>
        <p
          className={
            expired
              ? "mt-2 font-mono text-5xl font-bold tracking-[0.2em] text-zinc-300 line-through"
              : "mt-2 font-mono text-5xl font-bold tracking-[0.2em] text-zinc-900 sm:text-6xl"
          }
          data-testid="pairing-code"
          data-code={code}
          aria-live="polite"
        >
          {grouped(code)}
        </p>
        {expired ? (
          <div className="mt-3 space-y-2">
            <p className="text-sm font-medium text-red-700">{t("setup.devices.codeExpired")}</p>
            <Button onClick={onNewCode} loading={newCodePending}>
              {t("setup.devices.newCode")}
            </Button>
          </div>
        ) : (
          <p className="mt-3 text-sm text-zinc-600" data-testid="pairing-countdown">
            {t("setup.devices.expiresIn", { time: mmss })}
          </p>
        )}
      </div>
      <p className="text-xs text-zinc-500">{t("setup.devices.codeNote")}</p>
    </div>
  );
}
