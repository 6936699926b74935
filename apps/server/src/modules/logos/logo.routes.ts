import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context";
import { AppError, notFound } from "../../shared/app-error";
import { actorOf } from "../../shared/actor";
import { recordAudit } from "../audit";
import { superAdminCaller } from "../access";
import { LOGO_MAX_BYTES, findLogo, storeLogo } from "./logo.service";
import { TEXT_MAX } from "@equeue/contracts/schemas";

async function readUpload(request: FastifyRequest): Promise<Buffer> {
  try {
    const file = await request.file({ limits: { fileSize: LOGO_MAX_BYTES, files: 1 } });
    if (!file) throw new AppError("LOGO_INVALID", "No file was sent; choose a logo image.");
    const bytes = await file.toBuffer();
    if (file.file.truncated)
      throw new AppError("LOGO_TOO_LARGE", "The logo is larger than 2 MB; upload a smaller image.");
    return bytes;
  } catch (err) {
    if (err instanceof AppError) throw err;
    if ((err as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") {
      throw new AppError("LOGO_TOO_LARGE", "The logo is larger than 2 MB; upload a smaller image.");
    }
    throw new AppError(
      "LOGO_INVALID",
      "The upload was cut off or malformed; choose the file and try again.",
      { cause: err },
    );
  }
}

/** Super Admin: upload a logo before or while editing a company. Mounted at /api/platform. */
export const logoUploadRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", superAdminCaller(ctx.tokens));
    app.post(
      "/logos",
      {
        schema: {
          tags: ["companies"],
          summary: "Upload a logo (multipart field `file`: PNG, JPEG or WebP, at most 2 MB)",
          consumes: ["multipart/form-data"],
          response: {
            201: z.object({
              logoId: z.string().max(TEXT_MAX.id),
              url: z.string().max(TEXT_MAX.path),
            }),
          },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) {
          throw new AppError(
            "UNSUPPORTED_MEDIA_TYPE",
            "Upload the logo as multipart/form-data with the field `file`.",
          );
        }
        const bytes = await readUpload(request);
        const stored = await storeLogo(ctx.db, bytes);
        await recordAudit(ctx.db, actorOf(request), {
          action: "logo.upload",
          targetType: "logo",
          targetId: stored.logoId,
        });
        return reply.status(201).send(stored);
      },
    );
  };

/** Public: logo images, immutable by id. Mounted at /api/files. */
export const logoFileRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/logos/:id",
      {
        schema: {
          tags: ["public"],
          summary: "A logo image",
          security: [],
          params: z.strictObject({ id: z.uuid() }),
        },
      },
      async (request, reply) => {
        const logo = await findLogo(ctx.db, request.params.id);
        if (!logo) throw notFound("The logo");
        return reply
          .type(logo.content_type)
          .header("cache-control", "public, max-age=31536000, immutable")
          .send(Buffer.from(logo.bytes));
      },
    );
  };
