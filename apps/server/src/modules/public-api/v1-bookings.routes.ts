import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../app-context";
import { notFound } from "../../shared/app-error";
import { apiKeyOf } from "../access";
import {
  bookableOnline,
  bookTime,
  cancelBooking,
  toBookingDto,
  listSlots,
  type BookingRow,
} from "../booking";
import type { TicketSource } from "@equeue/contracts";
import { API_REPORT_TEXTS, buildReport, reportCsv, type Report } from "../reports";
import { companyDb, type CompanyRecord } from "../tenancy";
import { API_KEY_SCOPE, needs, TAGS, v1Doc } from "./v1-operation";
import {
  bookBody,
  bookingSchema,
  branchParams,
  reportQuery,
  slotsQuery,
  slotsResponse,
  ticketParams,
  v1ReportSchema,
} from "./v1.schema";

/** Bookings (free times, booking one, cancelling it) and the reports' figures. */
export const v1BookingRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const company = (request: { company?: CompanyRecord }) => request.company!;
    const dbOf = (request: { company?: CompanyRecord }) => companyDb(ctx.db, company(request));
    const bookingOf = (row: BookingRow, slug: string, now: Date) => {
      const b = toBookingDto(row, slug, now);
      return {
        ticketId: row.id,
        label: b.label,
        status: b.status,
        startsAt: b.startsAt,
        endsAt: b.endsAt,
        localDate: b.localDate,
        localTime: b.localTime,
        checkInCode: b.checkInCode,
        trackUrl: `${ctx.publicUrl}${b.trackPath}`,
      };
    };
    const read = API_KEY_SCOPE.READ_QUEUE;
    const manage = API_KEY_SCOPE.MANAGE_BOOKINGS;

    app.get(
      "/branches/:branchId/slots",
      {
        onRequest: needs(read),
        schema: {
          ...v1Doc("listSlots", read),
          tags: [TAGS.bookings],
          summary: "The bookable times of a service at a branch, with the places left in each",
          params: branchParams,
          querystring: slotsQuery,
          response: { 200: slotsResponse },
        },
      },
      async (request) => {
        const now = new Date();
        const setup = bookableOnline(
          await ctx.bookings.get(
            company(request),
            { id: request.params.branchId },
            request.query.serviceId,
            now,
          ),
        );
        const { days, slots } = await listSlots(dbOf(request), setup, request.query, now);
        return {
          branchId: setup.branch.id,
          serviceId: setup.service.id,
          timeZone: setup.branch.time_zone,
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

    app.post(
      "/bookings",
      {
        onRequest: needs(manage),
        schema: {
          ...v1Doc("createBooking", manage),
          tags: [TAGS.bookings],
          summary: "Book one of the offered times (a BOOKED ticket, source API)",
          body: bookBody,
          response: { 201: bookingSchema },
        },
      },
      async (request, reply) => {
        const now = new Date();
        const row = await bookTime(ctx, company(request), request.body, now, apiKeyOf(request));
        return reply.status(201).send(bookingOf(row, company(request).slug, now));
      },
    );

    app.post(
      "/bookings/:ticketId/cancel",
      {
        onRequest: needs(manage),
        schema: {
          ...v1Doc("cancelBooking", manage),
          tags: [TAGS.bookings],
          summary: "Cancel a booking; its place is free again",
          params: ticketParams,
          response: { 200: bookingSchema },
        },
      },
      async (request) => {
        const now = new Date();
        const found = await dbOf(request)
          .selectFrom("tickets")
          .select("token")
          .where("id", "=", request.params.ticketId)
          .where("appointment_at", "is not", null)
          .executeTakeFirst();
        if (!found) throw notFound("The booking");
        const row = await cancelBooking(ctx, company(request), found.token, now);
        return bookingOf(row, company(request).slug, now);
      },
    );

    const reports = API_KEY_SCOPE.READ_REPORTS;
    app.get(
      "/reports",
      {
        onRequest: needs(reports),
        schema: {
          ...v1Doc("getReport", reports),
          tags: [TAGS.reports],
          summary: "Queue figures over local days (JSON, or CSV with format=csv), from roll-ups",
          querystring: reportQuery,
          response: { 200: v1ReportSchema },
        },
      },
      async (request, reply) => {
        const { format, ...filter } = request.query;
        const report = await buildReport(ctx.db, company(request), { ...filter, scope: null });
        if (format === "csv") {
          reply.header(
            "content-disposition",
            `attachment; filename="report-${filter.from}-${filter.to}.csv"`,
          );
          // A CSV text, not the JSON document the schema describes: sent as it is. Its words are
          // the ones v1 clients parse (English, source codes), whatever the admin's export speaks.
          const csv: unknown = reportCsv(report, API_REPORT_TEXTS);
          return reply
            .type("text/csv; charset=utf-8")
            .serializer(String)
            .send(csv as Parameters<typeof reply.send>[0]);
        }
        const pick = (k: Report["totals"]) => ({
          issued: k.issued,
          checkedIn: k.checkedIn,
          entered: k.entered,
          called: k.called,
          served: k.served,
          noShow: k.noShow,
          cancelled: k.cancelled,
          expired: k.expired,
          transferred: k.transferred,
          abandoned: k.abandoned,
          abandonmentRate: k.abandonmentRate,
          waitAvgSeconds: k.waitAvgSeconds,
          serviceAvgSeconds: k.serviceAvgSeconds,
          serviceLevel: k.serviceLevel,
        });
        const r = report;
        return {
          range: r.range,
          totals: pick(r.totals),
          bySource: r.bySource.map((s) => ({ source: s.source as TicketSource, ...pick(s) })),
          wait: { count: r.wait.count, p50: r.wait.p50, p90: r.wait.p90, p95: r.wait.p95 },
          service: { count: r.service.count, p50: r.service.p50, p90: r.service.p90 },
          daily: r.daily.map((d) => ({ day: d.day, ...pick(d) })),
          branches: r.branches.map((b) => ({ branchId: b.branchId, name: b.name, ...pick(b) })),
          appointments: r.appointments,
          ratings: { count: r.ratings.count, average: r.ratings.average },
        };
      },
    );
  };
