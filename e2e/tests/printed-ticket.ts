/// <reference lib="dom" />
// Browser code runs in page.evaluate here; the DOM types describe it.
import { expect, type Locator, type Page } from "@playwright/test";
import jsQR from "jsqr";
import * as mupdf from "mupdf";

/** The first page of a PDF drawn at `dpi` (RGBA pixels and a PNG) and its text, with MuPDF. */
export function rasterisePdf(pdf: Buffer, dpi: number) {
  const doc = mupdf.Document.openDocument(pdf, "application/pdf");
  const page = doc.loadPage(0);
  const pixmap = page.toPixmap(
    mupdf.Matrix.scale(dpi / 72, dpi / 72),
    mupdf.ColorSpace.DeviceRGB,
    false,
  );
  const width = pixmap.getWidth();
  const height = pixmap.getHeight();
  const rgb = pixmap.getPixels();
  expect(rgb.length).toBe(width * height * 3);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
    rgba[j] = rgb[i]!;
    rgba[j + 1] = rgb[i + 1]!;
    rgba[j + 2] = rgb[i + 2]!;
    rgba[j + 3] = 255;
  }
  const text = page.toStructuredText("preserve-whitespace").asText();
  return { width, height, rgba, png: Buffer.from(pixmap.asPNG()), text };
}

/** The text of the QR code shown in `locator`, read from a screenshot of it. */
export async function decodeQr(page: Page, locator: Locator): Promise<string | null> {
  const png = await locator.screenshot();
  const image = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, img.width, img.height);
    return { width: img.width, height: img.height, data: Array.from(data) };
  }, png.toString("base64"));
  return jsQR(Uint8ClampedArray.from(image.data), image.width, image.height)?.data ?? null;
}
