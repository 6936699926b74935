import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context";
import { notFound } from "../../shared/app-error";
import { assertPublic, JOIN_LIMITS, joinAddressLimit, phoneLimit } from "../portal";
import { companyDb } from "../tenancy";
import { bookTime } from "./book-time.command";
import { bookingCalendar } from "./booking-calendar";
import { cancelBooking, checkInBooking, rescheduleBooking } from "./booking-changes.command";
import { toBookingDto } from "./booking.mapper";
import { findBookingByToken } from "./booking.repository";
import {
  bookBody,
  bookingParams,
  bookingResponse,
  rescheduleBody,
  slotsParams,
  slotsQuery,
  slotsResponse,
} from "./booking.schema";
import { bookableOnline, listSlots } from "./booking-slots.service";

const tags = ["portal"];

/**
 * "Book a time" on a company's portal: the free slots of a service, booking one, and — for
 * whoever holds the ticket's token — the booking itself, checking in, moving, cancelling and
 * an .ics file. Anyone may call these; only ACTIVE companies answer. Mounted at /api/c/:slug.
 */
export const bookingRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", async (request) => assertPublic(request.company!));
    const dbOf = (request: FastifyRequest) => companyDb(ctx.db, request.company!);
    const slugOf = (request: FastifyRequest) => request.company!.slug;

    app.get(
      "/portal/branches/:branchSlug/slots",
      {
        schema: {
          tags,
          summary: "The bookable times of a service at a branch, with the places left in each",
          description:
            "Local days `from`..`to` of the branch (default: the week from today; at most 31 days), clipped to the branch's booking horizon. Only services that take bookings online.",
          security: [],
          params: slotsParams,
          querystring: slotsQuery,
          response: { 200: slotsResponse },
        },
      },
      async (request) => {
        const now = new Date();
        const target = bookableOnline(
          await ctx.bookings.get(
            request.company!,
            { slug: request.params.branchSlug },
            request.query.serviceId,
            now,
          ),
        );
        const { days, slots } = await listSlots(dbOf(request), target, request.query, now);
        const { branch, service } = target;
        return {
          branch: {
            id: branch.id,
            slug: branch.slug,
            name: branch.name,
            timeZone: branch.time_zone,
          },
          service: {
            id: service.id,
            name: service.name,
            durationMinutes: service.duration_minutes,
          },
          firstDay: days.first,
          lastDay: days.last,
          slots: slots.map((s) => ({
            startsAt: s.start,
            endsAt: s.end,
            localDate: s.localDate,
            localTime: s.localTime,
            capacity: s.capacity,
            available: s.available,
          })),
        };
      },
    );

    const perAddress = joinAddressLimit(ctx.config);
    const perPhone = phoneLimit(ctx, "book", app.log);
    app.post(
      "/portal/bookings",
      {
        schema: {
          tags,
          summary: "Book a time (a BOOKED ticket, source ONLINE); the answer has its link",
          description: `One booking per phone number per time; the same limits as taking a place: ${perAddress.max} per client address on this company's portal and ${JOIN_LIMITS.perPhone.max} per phone number in ${JOIN_LIMITS.perPhone.windowMinutes} minutes.`,
          security: [],
          body: bookBody,
          response: { 201: bookingResponse },
        },
        config: { rateLimit: perAddress },
      },
      async (request, reply) => {
        await perPhone.hit(
          `${request.company!.id}:${request.body.phone}`,
          "Too many bookings were made with this phone number; try again in a few minutes.",
        );
        const now = new Date();
        const row = await bookTime(ctx, request.company!, request.body, now);
        return reply.status(201).send({ booking: toBookingDto(row, slugOf(request), now) });
      },
    );

    app.get(
      "/portal/bookings/:token",
      {
        schema: {
          tags,
          summary: "A booking, for whoever holds its token: when, where, and what can be done now",
          security: [],
          params: bookingParams,
          response: { 200: bookingResponse },
        },
      },
      async (request) => {
        const row = await findBookingByToken(dbOf(request), request.params.token);
        if (!row) throw notFound("The booking");
        return { booking: toBookingDto(row, slugOf(request), new Date()) };
      },
    );

    app.post(
      "/portal/bookings/:token/check-in",
      {
        schema: {
          tags,
          summary: "Check in for a booking: inside the window it joins the line at its time",
          security: [],
          params: bookingParams,
          response: { 200: bookingResponse },
        },
        config: { rateLimit: perAddress },
      },
      async (request) => {
        const now = new Date();
        const row = await checkInBooking(ctx, request.company!, request.params.token, now);
        return { booking: toBookingDto(row, slugOf(request), now) };
      },
    );

    app.post(
      "/portal/bookings/:token/cancel",
      {
        schema: {
          tags,
          summary: "Cancel a booking; its place is free again",
          security: [],
          params: bookingParams,
          response: { 200: bookingResponse },
        },
        config: { rateLimit: perAddress },
      },
      async (request) => {
        const now = new Date();
        const row = await cancelBooking(ctx, request.company!, request.params.token, now);
        return { booking: toBookingDto(row, slugOf(request), now) };
      },
    );

    app.post(
      "/portal/bookings/:token/reschedule",
      {
        schema: {
          tags,
          summary: "Move a booking to another offered time (the new place is held first)",
          security: [],
          params: bookingParams,
          body: rescheduleBody,
          response: { 200: bookingResponse },
        },
        config: { rateLimit: perAddress },
      },
      async (request) => {
        const now = new Date();
        const row = await rescheduleBooking(
          ctx,
          dbOf(request),
          request.company!,
          request.params.token,
          request.body.startsAt,
          now,
        );
        return { booking: toBookingDto(row, slugOf(request), now) };
      },
    );

    app.get(
      "/portal/bookings/:token/calendar.ics",
      {
        schema: {
          tags,
          summary: "A booking as an iCalendar file, for 'add to calendar'",
          security: [],
          params: bookingParams,
          querystring: z.strictObject({ lang: z.enum(["uz", "ru", "en"]).optional() }),
        },
      },
      async (request, reply) => {
        const row = await findBookingByToken(dbOf(request), request.params.token);
        if (!row) throw notFound("The booking");
        const text = bookingCalendar(row, {
          companyName: request.company!.name,
          trackUrl: `${ctx.publicUrl}/c/${slugOf(request)}/t/${row.token}`,
          lang: request.query.lang ?? "uz",
          now: new Date(),
        });
        return reply
          .type("text/calendar; charset=utf-8")
          .header("content-disposition", `attachment; filename="${row.label}.ics"`)
          .header("cache-control", "no-store")
          .send(text);
      },
    );
  };
