import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../app-context";
import { WindowLimiter } from "../../shared/window-limiter";
import { deviceCaller, deviceOf } from "../access";
import { companyDb } from "../tenancy";
import {
  kioskCheckInBody,
  kioskCheckInSchema,
  kioskIssueBody,
  kioskSnapshotSchema,
  kioskTicketSchema,
} from "./kiosk.schema";
import { checkInKioskBooking, issueKioskTicket, kioskSnapshot } from "./kiosk.service";
import { OFFLINE_BLOCK_SIZE, reserveOfflineBlock, syncOfflineTickets } from "./offline-block";
import { offlineBlockSchema, offlineSyncBody, offlineSyncResultSchema } from "./offline.schema";

const tags = ["kiosk"];

/** Tickets one kiosk may issue in a window: a queue of people at one screen is far slower. */
export const KIOSK_ISSUE_LIMIT = { max: 20, windowSeconds: 60 } as const;
/** Offline blocks one kiosk may reserve in a window: each unused one leaves a gap in the numbers. */
export const KIOSK_BLOCK_LIMIT = { max: 6, windowSeconds: 600 } as const;

/**
 * onRequest: a paired kiosk; a display board is refused (403), and anything but a kiosk's own
 * device token — a person's token included — is unauthenticated, as on every device route.
 */
export const requireKiosk = (ctx: AppContext) => deviceCaller(ctx, ["KIOSK"]);

/** The virtual kiosk of a branch: what it shows and issuing a ticket. Mounted at /api/c/:slug. */
export const kioskRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", requireKiosk(ctx));
    const dbOf = (request: FastifyRequest) => companyDb(ctx.db, request.company!);

    app.get(
      "/kiosk/snapshot",
      {
        schema: {
          tags,
          summary: "What the kiosk shows: branding, settings, its services with lines and waits",
          description:
            "Send the device token as `Authorization: Device <token>`. A service that cannot be chosen now says why: CLOSED_TODAY, OUTSIDE_HOURS or DAILY_LIMIT.",
          security: [{ device: [] }],
          response: { 200: kioskSnapshotSchema },
        },
      },
      async (request) =>
        kioskSnapshot(dbOf(request), request.company!, deviceOf(request), new Date()),
    );

    const perDevice = new WindowLimiter(
      KIOSK_ISSUE_LIMIT.max,
      KIOSK_ISSUE_LIMIT.windowSeconds * 1000,
    );
    app.post(
      "/kiosk/tickets",
      {
        schema: {
          tags,
          summary: "Issue a ticket at this kiosk (source KIOSK); name and phone are optional",
          description: `The phone is an Uzbek number, stored as E.164. At most ${KIOSK_ISSUE_LIMIT.max} tickets per kiosk in ${KIOSK_ISSUE_LIMIT.windowSeconds} seconds.`,
          security: [{ device: [] }],
          body: kioskIssueBody,
          response: { 201: kioskTicketSchema },
        },
      },
      async (request, reply) => {
        const device = deviceOf(request);
        perDevice.hit(
          `${device.companyId}:${device.deviceId}`,
          "This kiosk is issuing tickets too fast; wait a minute and try again.",
        );
        const answer = await issueKioskTicket(
          ctx,
          dbOf(request),
          request.company!,
          device,
          request.body,
        );
        return reply.status(201).send(answer);
      },
    );
    app.post(
      "/kiosk/check-in",
      {
        schema: {
          tags,
          summary: "Check a booking of this kiosk's branch in, by its code or its scanned QR",
          description: `The same check-in as on the ticket page: inside the branch's window the booking joins the line at its time. Too early answers CHECK_IN_NOT_OPEN with \`opensAt\` in its details; too late with the EXPIRE rule CHECK_IN_CLOSED; another branch's booking 404; a ticket that is not a booking, or no longer BOOKED, 409. Counts against the kiosk's ${KIOSK_ISSUE_LIMIT.max} tickets per ${KIOSK_ISSUE_LIMIT.windowSeconds} seconds.`,
          security: [{ device: [] }],
          body: kioskCheckInBody,
          response: { 200: kioskCheckInSchema },
        },
      },
      async (request) => {
        const device = deviceOf(request);
        perDevice.hit(
          `${device.companyId}:${device.deviceId}`,
          "This kiosk is checking in too fast; wait a minute and try again.",
        );
        const { code, token } = request.body;
        return checkInKioskBooking(
          ctx,
          dbOf(request),
          request.company!,
          device,
          code !== undefined ? { code } : { token: token! },
        );
      },
    );

    const blocksPerDevice = new WindowLimiter(
      KIOSK_BLOCK_LIMIT.max,
      KIOSK_BLOCK_LIMIT.windowSeconds * 1000,
    );
    app.post(
      "/kiosk/offline-block",
      {
        schema: {
          tags,
          summary: "Reserve numbers for issuing while the server is away",
          description: `The next ${OFFLINE_BLOCK_SIZE} numbers of every series this kiosk issues in, for today in the branch, with each one's tracking token. At most ${KIOSK_BLOCK_LIMIT.max} blocks per kiosk in ${KIOSK_BLOCK_LIMIT.windowSeconds / 60} minutes.`,
          security: [{ device: [] }],
          response: { 201: offlineBlockSchema },
        },
      },
      async (request, reply) => {
        const device = deviceOf(request);
        blocksPerDevice.hit(
          `${device.companyId}:${device.deviceId}`,
          "This kiosk reserved numbers too often; wait a few minutes.",
        );
        const block = await reserveOfflineBlock(
          ctx.tokens,
          dbOf(request),
          request.company!,
          device,
          new Date(),
        );
        return reply.status(201).send(block);
      },
    );

    app.post(
      "/kiosk/offline-tickets",
      {
        schema: {
          tags,
          summary: "Hand in tickets issued while the server was away (idempotent)",
          description:
            "Each ticket carries its reserved block (series, from, to, proof, day), its number and its original issue time. A number already handed in answers DUPLICATE and creates nothing.",
          security: [{ device: [] }],
          body: offlineSyncBody,
          response: { 200: offlineSyncResultSchema },
        },
      },
      async (request) =>
        syncOfflineTickets(
          ctx,
          dbOf(request),
          request.company!,
          deviceOf(request),
          request.body.tickets,
          new Date(),
        ),
    );
  };
