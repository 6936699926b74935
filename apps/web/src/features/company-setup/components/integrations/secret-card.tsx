import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../../components/ui/button";
import { Dialog } from "../../../../components/ui/dialog";

/** A secret shown once (an API key, a webhook's signing secret), with a copy button. */
export function SecretDialog(props: {
  title: string;
  text: string;
  secret: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <Dialog
      open
      size="lg"
      onClose={props.onClose}
      title={props.title}
      footer={<Button onClick={props.onClose}>{t("common.close")}</Button>}
    >
      <p className="mb-3 text-sm text-zinc-600">{props.text}</p>
      <div className="flex flex-wrap items-center gap-2 rounded-md bg-zinc-50 px-3 py-2">
        <code
          className="min-w-0 flex-1 font-mono text-sm break-all text-zinc-900"
          data-testid="secret"
        >
          {props.secret}
        </code>
        <Button
          size="sm"
          variant="secondary"
          onClick={() =>
            void navigator.clipboard?.writeText(props.secret).then(() => setCopied(true))
          }
        >
          {copied ? `✓ ${t("common.copied")}` : t("setup.common.copy")}
        </Button>
      </div>
    </Dialog>
  );
}
