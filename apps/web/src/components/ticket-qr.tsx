import { useEffect, useState } from "react";

/**
 * A QR code of `url` as an image. The `qrcode` library loads only when a QR is shown, so it
 * never weighs on a page's first load.
 */
export function TicketQr({
  url,
  size = 176,
  label,
}: {
  url: string;
  size?: number;
  label: string;
}) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import("qrcode")
      .then((qr) => qr.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" }))
      .then((markup) => live && setSvg(markup))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <div
      className="mx-auto rounded-lg bg-white p-2"
      style={{ width: size, height: size }}
      data-testid="ticket-qr"
    >
      {svg && (
        <img
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
          alt={label}
          width={size - 16}
          height={size - 16}
        />
      )}
    </div>
  );
}

/** The short link of a ticket: `/t/{token}` on this site, which leads to the company's page. */
export const trackingUrl = (token: string) => `${window.location.origin}/t/${token}`;
