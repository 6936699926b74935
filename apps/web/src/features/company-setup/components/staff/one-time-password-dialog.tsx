import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../../components/ui/alert";
import { Button } from "../../../../components/ui/button";
import { Dialog } from "../../../../components/ui/dialog";
import { useFormatDate } from "../../../../lib/format";

type Props = {
  open: boolean;
  name: string;
  email: string;
  password: string;
  expiresAt: string;
  loginUrl: string;
  onClose: () => void;
};

/** Shows a one-time password exactly once, with a copy button and a warning. */
export function OneTimePasswordDialog({
  open,
  name,
  email,
  password,
  expiresAt,
  loginUrl,
  onClose,
}: Props) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t("setup.staff.otpTitle", { name })}
      footer={<Button onClick={onClose}>{t("setup.staff.otpDone")}</Button>}
    >
      <Alert tone="warning">{t("setup.staff.otpWarning")}</Alert>
      <dl className="mt-4 space-y-3">
        <div>
          <dt className="text-xs font-medium text-zinc-500">{t("setup.staff.loginAt")}</dt>
          <dd className="font-mono text-sm break-all text-zinc-900">{loginUrl}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-zinc-500">{t("setup.staff.email")}</dt>
          <dd className="font-mono text-sm text-zinc-900">{email}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-zinc-500">{t("setup.staff.otp")}</dt>
          <dd className="mt-1 flex flex-wrap items-center gap-3">
            <code
              className="rounded-md bg-zinc-100 px-3 py-2 font-mono text-xl font-semibold tracking-wider text-zinc-900 select-all"
              data-testid="one-time-password"
            >
              {password}
            </code>
            <Button variant="secondary" size="sm" onClick={() => void copy()}>
              {copied ? `✓ ${t("common.copied")}` : t("setup.common.copy")}
            </Button>
          </dd>
        </div>
      </dl>
      <p className="mt-3 text-xs text-zinc-500">
        {t("setup.staff.otpExpires", { date: formatDate(expiresAt) })}
      </p>
    </Dialog>
  );
}
