import { Suspense, lazy, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { PortalShell } from "../../../features/portal/components/portal-shell";
import type { CameraProblem } from "../../../lib/qr-scan/qr-scanner";
import { trackingLinkOf } from "../../../lib/qr-scan/tracking-link";

// The camera and its QR reader load when the customer opens the camera.
const QrScanner = lazy(() => import("../../../lib/qr-scan/qr-scanner"));

/**
 * `/scan`: the customer points the phone's camera at a ticket's QR code (a receipt, another
 * phone) and its live page opens; a code that is not one of our tracking links says so.
 */
export function ScanTicketPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [scanning, setScanning] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);

  const onText = (text: string) => {
    const link = trackingLinkOf(text, window.location.host);
    if (!link) {
      setMessage(t("portal.scan.notOurs"));
      return;
    }
    setOpening(true);
    setScanning(false);
    void navigate(link.path);
  };
  const onProblem = (problem: CameraProblem) => {
    setScanning(false);
    setMessage(
      t(problem === "denied" ? "portal.scan.cameraDenied" : "portal.scan.cameraUnavailable"),
    );
  };

  return (
    <PortalShell>
      <section className="space-y-4" data-testid="scan-ticket">
        <h1 className="text-2xl font-bold tracking-tight text-zinc-900">
          {t("portal.scan.title")}
        </h1>
        <p className="text-zinc-700">{t("portal.scan.hint")}</p>
        {message && (
          <Alert tone="error" data-testid="scan-message">
            {message}
          </Alert>
        )}
        {opening && <Alert tone="info">{t("portal.scan.opening")}</Alert>}
        {scanning ? (
          <>
            <Suspense fallback={<div className="aspect-square w-full rounded-2xl bg-zinc-200" />}>
              <QrScanner onText={onText} onProblem={onProblem} label={t("portal.scan.camera")} />
            </Suspense>
            <Button
              variant="secondary"
              className="h-12 w-full text-base"
              onClick={() => setScanning(false)}
            >
              {t("portal.scan.stop")}
            </Button>
          </>
        ) : (
          <Button
            className="h-12 w-full text-base"
            data-testid="scan-start"
            onClick={() => {
              setMessage(null);
              setScanning(true);
            }}
          >
            {t("portal.scan.start")}
          </Button>
        )}
      </section>
    </PortalShell>
  );
}
