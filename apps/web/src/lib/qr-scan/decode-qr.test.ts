import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { decodeQrPixels } from "./decode-qr";
import { trackingLinkOf } from "./tracking-link";

/** A QR code drawn as RGBA pixels, `scale` pixels a module, with a quiet zone of 4 modules. */
function qrPixels(text: string, scale = 6) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const side = (modules.size + 8) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / scale) - 4;
      const my = Math.floor(y / scale) - 4;
      const dark =
        mx >= 0 && my >= 0 && mx < modules.size && my < modules.size && modules.get(my, mx);
      if (dark) data.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
    }
  }
  return { data, side };
}

describe("reading a ticket's QR code", () => {
  it("decodes a printed tracking link back to the ticket", async () => {
    const link = "https://equeue.uz/c/hamkor/t/AbCdEfGhIjKlMnOpQrStUvWx";
    const { data, side } = qrPixels(link);
    const text = await decodeQrPixels(data, side, side);
    expect(text).toBe(link);
    expect(trackingLinkOf(text!, "equeue.uz")?.token).toBe("AbCdEfGhIjKlMnOpQrStUvWx");
  });

  it("finds nothing in a blank picture", async () => {
    const blank = new Uint8ClampedArray(100 * 100 * 4).fill(255);
    expect(await decodeQrPixels(blank, 100, 100)).toBeNull();
  });
});
