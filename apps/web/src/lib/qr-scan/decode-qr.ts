// Reads a QR code from a video frame: the browser's BarcodeDetector where there is one, else
// jsQR, loaded only when a scanner opens (never with a page's first load).

type Detector = { detect: (source: CanvasImageSource) => Promise<{ rawValue: string }[]> };
type DetectorClass = new (opts: { formats: string[] }) => Detector;

/** A function that finds the text of a QR code in the canvas's picture, or null. */
export type QrDecoder = (canvas: HTMLCanvasElement) => Promise<string | null>;

async function nativeDecoder(): Promise<QrDecoder | null> {
  const Native = (
    globalThis as {
      BarcodeDetector?: DetectorClass & {
        getSupportedFormats?: () => Promise<string[]>;
      };
    }
  ).BarcodeDetector;
  if (!Native) return null;
  try {
    const formats = (await Native.getSupportedFormats?.()) ?? ["qr_code"];
    if (!formats.includes("qr_code")) return null;
    const detector = new Native({ formats: ["qr_code"] });
    return async (canvas) => (await detector.detect(canvas))[0]?.rawValue ?? null;
  } catch {
    return null;
  }
}

/** Decodes the QR code in raw RGBA pixels with jsQR (also what tests use on an image). */
export async function decodeQrPixels(
  data: Uint8ClampedArray,
  width: number,
  height: number,
): Promise<string | null> {
  const { default: jsQR } = await import("jsqr");
  return jsQR(data, width, height, { inversionAttempts: "dontInvert" })?.data ?? null;
}

/** The best decoder this browser has. */
export async function createQrDecoder(): Promise<QrDecoder> {
  const native = await nativeDecoder();
  if (native) return native;
  return async (canvas) => {
    const context = canvas.getContext("2d", { willReadFrequently: true });
    if (!context) return null;
    const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
    return decodeQrPixels(data, width, height);
  };
}
