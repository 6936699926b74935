import { useEffect, useState } from "react";

/**
 * The QR code of `text` as SVG markup, or null until it is drawn. The QR library is loaded on
 * the first ticket, not with the kiosk, to keep the kiosk's first download small.
 */
export function useQrSvg(text: string): string | null {
  const [svg, setSvg] = useState<{ text: string; svg: string } | null>(null);
  useEffect(() => {
    let live = true;
    import("qrcode")
      .then((m) =>
        (m.default ?? m).toString(text, { type: "svg", margin: 1, errorCorrectionLevel: "M" }),
      )
      .then((markup) => {
        if (live) setSvg({ text, svg: markup });
      })
      .catch(() => undefined); // offline before the library came: the number alone still works
    return () => {
      live = false;
    };
  }, [text]);
  return svg?.text === text ? svg.svg : null;
}
