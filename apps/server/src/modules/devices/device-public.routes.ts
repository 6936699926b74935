import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../app-context";
import { systemActor } from "../../shared/actor";
import { anonymous, deviceCaller, deviceOf } from "../access";
import { notFound } from "../../shared/app-error";
import { logoUrl } from "../companies";
import { findBranding } from "../company-setup";
import { companyDb } from "../tenancy";
import { pairDevice } from "./device-pairing";
import { pairingLimiter } from "./pairing-limiter";
import { deviceView, servicesShown } from "./device-settings";
import { findDevice } from "./device.repository";
import { deviceMeSchema, pairBody, pairedSchema } from "./device.schema";

const tags = ["devices"];

/** Pairing (public, rate-limited) and a paired device's own view. Mounted at /api/c/:slug. */
export const devicePublicRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/devices/pair",
      {
        onRequest: anonymous,
        config: {
          rateLimit: { max: ctx.config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: "1 minute" },
        },
        schema: {
          tags,
          summary: "Exchange a pairing code for a device token",
          description:
            "Send the 6-digit code shown in the admin panel. The token goes in `Authorization: Device <token>` from then on.",
          security: [],
          body: pairBody,
          response: { 200: pairedSchema },
        },
      },
      async (request) =>
        pairDevice(
          ctx.db,
          request.company!,
          request.body.code,
          {
            ...systemActor,
            companyId: request.company!.id,
            ip: request.ip,
            requestId: request.id,
          },
          pairingLimiter(ctx),
        ),
    );

    app.get(
      "/device/me",
      {
        onRequest: deviceCaller(ctx, ["KIOSK", "DISPLAY"]),
        schema: {
          tags,
          summary: "The paired device: branch, settings, services it shows, branding",
          description: "Send the device token as `Authorization: Device <token>`.",
          security: [{ device: [] }],
          response: { 200: deviceMeSchema },
        },
      },
      async (request) => {
        const company = request.company!;
        const q = companyDb(ctx.db, company);
        const row = await findDevice(q, deviceOf(request).deviceId);
        if (!row) throw notFound("The device");
        const [device, services, branding] = await Promise.all([
          deviceView(q, row),
          servicesShown(q, row),
          findBranding(q),
        ]);
        return {
          device,
          company: {
            name: branding?.name ?? company.name,
            slug: company.slug,
            logoUrl: logoUrl(branding?.logo_id ?? company.logo_id),
            primaryColor: branding?.primary_color ?? null,
          },
          services,
        };
      },
    );
  };
