import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context";
import { setupEnv } from "../setup-common";
import { staffCaller, SETUP_ROLES } from "../access";
import {
  createDeviceBody,
  deviceIdParams,
  deviceSchema,
  listDevicesQuery,
  pairingCodeSchema,
  updateDeviceBody,
} from "./device.schema";
import {
  createDevice,
  deleteDevice,
  getDevice,
  listVisibleDevices,
  regeneratePairingCode,
  revokeDevice,
  toDeviceDto,
  updateDevice,
} from "./device.service";
import { LIST_MAX, listOf } from "@equeue/contracts/schemas";

const tags = ["company admin: devices"];

/** Kiosks and display boards of the branches: add, pair, configure, revoke. Mounted at /api/c/:slug/admin. */
export const deviceRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", staffCaller(ctx, { roles: SETUP_ROLES }));
    const env = (request: Parameters<typeof setupEnv>[1]) => setupEnv(ctx, request);

    app.get(
      "/devices",
      {
        schema: {
          tags,
          summary: "Devices, with pairing state and last seen time",
          querystring: listDevicesQuery,
          response: { 200: z.object({ items: listOf(LIST_MAX.devices, deviceSchema) }) },
        },
      },
      async (request) => ({ items: await listVisibleDevices(env(request), request.query) }),
    );

    app.post(
      "/devices",
      {
        schema: {
          tags,
          summary: "Add a kiosk or display board; answers its one-time pairing code",
          body: createDeviceBody,
          response: { 201: pairingCodeSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createDevice(env(request), request.body)),
    );

    app.get(
      "/devices/:id",
      {
        schema: {
          tags,
          summary: "A device",
          params: deviceIdParams,
          response: { 200: deviceSchema },
        },
      },
      async (request) => toDeviceDto(await getDevice(env(request), request.params.id)),
    );

    app.patch(
      "/devices/:id",
      {
        schema: {
          tags,
          summary: "Rename a device or change its settings",
          params: deviceIdParams,
          body: updateDeviceBody,
          response: { 200: deviceSchema },
        },
      },
      async (request) => updateDevice(env(request), request.params.id, request.body),
    );

    app.post(
      "/devices/:id/pairing-code",
      {
        schema: {
          tags,
          summary: "A new pairing code (unpairs the device until it is entered)",
          params: deviceIdParams,
          response: { 200: pairingCodeSchema },
        },
      },
      async (request) => regeneratePairingCode(env(request), request.params.id),
    );

    app.post(
      "/devices/:id/revoke",
      {
        schema: {
          tags,
          summary: "Revoke: the device's token stops working at once",
          params: deviceIdParams,
          response: { 200: deviceSchema },
        },
      },
      async (request) => revokeDevice(env(request), request.params.id),
    );

    app.delete(
      "/devices/:id",
      { schema: { tags, summary: "Remove a device", params: deviceIdParams } },
      async (request, reply) => {
        await deleteDevice(env(request), request.params.id);
        return reply.status(204).send();
      },
    );
  };
