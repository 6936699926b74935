import sharp, { type Metadata } from "sharp";
import type { Db } from "../../db/database";
import { AppError, invalidField } from "../../shared/app-error";

export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
const LOGO_MAX_SIDE = 512;
const accepted = new Set(["png", "jpeg", "webp"]);

/**
 * Checks an uploaded logo by its content (not its name), shrinks it to at most 512 px and stores
 * it as PNG. The logo lives in the database so every app node can serve it.
 */
export async function storeLogo(db: Db, bytes: Buffer): Promise<{ logoId: string; url: string }> {
  if (bytes.length > LOGO_MAX_BYTES) {
    throw new AppError("LOGO_TOO_LARGE", "The logo is larger than 2 MB; upload a smaller image.");
  }
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    throw new AppError(
      "LOGO_INVALID",
      "This file is not an image we can read. Upload a PNG, JPEG or WebP logo.",
    );
  }
  if (!meta.format || !accepted.has(meta.format)) {
    throw new AppError(
      "LOGO_INVALID",
      `Images of type ${meta.format ?? "unknown"} are not accepted. Upload a PNG, JPEG or WebP logo.`,
    );
  }
  if (!meta.width || !meta.height || meta.width < 16 || meta.height < 16) {
    throw new AppError(
      "LOGO_INVALID",
      "The logo is too small; use an image at least 16×16 pixels.",
    );
  }
  const { data, info } = await sharp(bytes)
    .rotate()
    .resize({
      width: LOGO_MAX_SIDE,
      height: LOGO_MAX_SIDE,
      fit: "inside",
      withoutEnlargement: true,
    })
    .png({ compressionLevel: 9 })
    .toBuffer({ resolveWithObject: true });
  const row = await db
    .insertInto("platform.logos")
    .values({ content_type: "image/png", bytes: data, width: info.width, height: info.height })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { logoId: row.id, url: `/api/files/logos/${row.id}` };
}

export const findLogo = (db: Db, id: string) =>
  db
    .selectFrom("platform.logos")
    .select(["content_type", "bytes"])
    .where("id", "=", id)
    .executeTakeFirst();

/** Refuses a logo id that was never uploaded, before it reaches a foreign key. */
export async function assertLogoExists(db: Db, id: string | null | undefined) {
  if (!id) return;
  const found = await db
    .selectFrom("platform.logos")
    .select("id")
    .where("id", "=", id)
    .executeTakeFirst();
  if (!found)
    throw invalidField(
      "logoId",
      "This logo was not found; upload it again.",
      "LOGO_INVALID",
      "not_found",
    );
}
