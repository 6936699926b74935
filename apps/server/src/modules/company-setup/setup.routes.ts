import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../app-context";
import { branchRoutes } from "../branches/branch.routes";
import { counterRoutes } from "../counters/counter.routes";
import { devicePublicRoutes } from "../devices/device-public.routes";
import { deviceRoutes } from "../devices/device.routes";
import { serviceRoutes } from "../services/service.routes";
import { staffMeRoutes } from "../staff/staff-me.routes";
import { staffRoutes } from "../staff/staff.routes";
import { companySetupRoutes } from "./company-setup.routes";

/**
 * Everything a company sets up before the first customer, for the company realm plugin
 * at /api/c/:slug: the admin API under /admin, the staff profile, device pairing and self view.
 */
export const setupRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(
      async (admin) => {
        await admin.register(branchRoutes(ctx));
        await admin.register(serviceRoutes(ctx));
        await admin.register(counterRoutes(ctx));
        await admin.register(staffRoutes(ctx));
        await admin.register(deviceRoutes(ctx));
        await admin.register(companySetupRoutes(ctx));
      },
      { prefix: "/admin" },
    );
    await app.register(staffMeRoutes(ctx));
    await app.register(devicePublicRoutes(ctx));
  };
