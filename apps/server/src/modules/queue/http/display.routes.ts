import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../../app-context";
import { AppError } from "../../../shared/app-error";
import { deviceCaller, deviceOf } from "../../access";
import { companyDb } from "../../tenancy";
import { displaySnapshot } from "../queries/display.query";
import { displaySnapshotSchema } from "./queue-views.schema";

/** onRequest: a paired display board; a person's token is the wrong realm here. */
export const requireDisplayBoard = (ctx: AppContext) => {
  const device = deviceCaller(ctx, ["DISPLAY"]);
  return async (request: FastifyRequest) => {
    if (request.headers.authorization?.startsWith("Bearer ")) {
      throw new AppError(
        "WRONG_REALM",
        "This endpoint is for paired display boards (Authorization: Device <token>).",
      );
    }
    await device(request);
  };
};

/** The display board of a branch. Mounted at /api/c/:slug. */
export const displayRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", requireDisplayBoard(ctx));
    app.get(
      "/display/snapshot",
      {
        schema: {
          tags: ["display"],
          summary: "Everything the board shows: recent calls, waiting per service, branding",
          security: [{ device: [] }],
          response: { 200: displaySnapshotSchema },
        },
      },
      async (request) =>
        displaySnapshot(
          companyDb(ctx.db, request.company!),
          request.company!,
          deviceOf(request).branchId,
          new Date(),
        ),
    );
  };
