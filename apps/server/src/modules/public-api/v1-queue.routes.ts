import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../app-context";
import { notFound } from "../../shared/app-error";
import { apiKeyOf } from "../access";
import { branchPage, companyPage } from "../portal";
import { issueTicket, trackingViews, type CompanyQueryDb } from "../queue";
import { companyDb, type CompanyRecord } from "../tenancy";
import { API_KEY_SCOPE, needs, TAGS, v1Doc } from "./v1-operation";
import {
  branchParams,
  branchesResponse,
  issueTicketBody,
  servicesResponse,
  ticketParams,
  ticketSchema,
} from "./v1.schema";

type PortalBranch = Awaited<ReturnType<typeof companyPage>>["branches"][number];

const toBranch = (b: PortalBranch) => ({
  id: b.id,
  slug: b.slug,
  name: b.name,
  address: b.address,
  phone: b.phone,
  timeZone: b.timeZone,
  openNow: b.openNow,
  closedReason: b.closedReason,
});

/** A ticket as integrators see it: the tracking view (status, place, wait) with its ids. */
async function ticketOf(ctx: AppContext, db: CompanyQueryDb, id: string, now: Date) {
  const row = await db
    .selectFrom("tickets")
    .select(["id", "source", "branch_id", "service_id", "token"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("The ticket");
  const tracked = (await trackingViews(db, [row.id], now)).get(row.id);
  if (!tracked) throw notFound("The ticket");
  const v = tracked.view;
  return {
    id: row.id,
    label: v.label,
    status: v.status,
    source: row.source,
    branchId: row.branch_id,
    serviceId: row.service_id,
    trackUrl: `${ctx.publicUrl}/t/${row.token}`,
    queuedAt: v.queuedAt,
    appointmentAt: v.appointmentAt,
    calledAt: v.calledAt,
    counterNumber: v.counterNumber,
    peopleAhead: v.peopleAhead,
    estimate: v.estimate,
  };
}

async function branchSlugOf(db: CompanyQueryDb, id: string): Promise<string> {
  const row = await db
    .selectFrom("branches")
    .select("slug")
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("The branch");
  return row.slug;
}

/** Branches, services with their lines, issuing tickets and following them. */
export const v1QueueRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const company = (request: { company?: CompanyRecord }) => request.company!;
    const dbOf = (request: { company?: CompanyRecord }) => companyDb(ctx.db, company(request));
    const read = API_KEY_SCOPE.READ_QUEUE;

    app.get(
      "/branches",
      {
        onRequest: needs(read),
        schema: {
          ...v1Doc("listBranches", read),
          tags: [TAGS.queue],
          summary: "The company's branches that serve customers, with whether they are open now",
          response: { 200: branchesResponse },
        },
      },
      async (request) => {
        const page = await companyPage(dbOf(request), company(request), new Date());
        return { items: page.branches.map(toBranch) };
      },
    );

    app.get(
      "/branches/:branchId/services",
      {
        onRequest: needs(read),
        schema: {
          ...v1Doc("listBranchServices", read),
          tags: [TAGS.queue],
          summary: "A branch's services with people waiting, operators serving and the wait now",
          params: branchParams,
          response: { 200: servicesResponse },
        },
      },
      async (request) => {
        const db = dbOf(request);
        const slug = await branchSlugOf(db, request.params.branchId);
        const page = await branchPage(db, company(request), slug, new Date());
        return {
          branch: toBranch(page.branch),
          services: page.services.map((s) => ({
            id: s.id,
            letter: s.letter,
            name: s.name,
            durationMinutes: s.durationMinutes,
            waiting: s.waiting,
            operatorsServing: s.operatorsServing,
            wait: s.wait,
            bookable: s.bookOnline,
          })),
        };
      },
    );

    const issue = API_KEY_SCOPE.ISSUE_TICKETS;
    app.post(
      "/tickets",
      {
        onRequest: needs(issue),
        schema: {
          ...v1Doc("issueTicket", issue),
          tags: [TAGS.tickets],
          summary: "Issue a ticket now (source API); the answer has its live page",
          body: issueTicketBody,
          response: { 201: ticketSchema },
        },
      },
      async (request, reply) => {
        const now = new Date();
        const { body } = request;
        // The key's caller makes it an API ticket (the access module), of its company only.
        const ticket = await issueTicket(
          ctx,
          company(request),
          apiKeyOf(request),
          {
            branchId: body.branchId,
            serviceId: body.serviceId,
            customerPhone: body.phone ?? null,
            customerName: body.name ?? null,
            language: body.language ?? null,
          },
          { now },
        );
        return reply.status(201).send(await ticketOf(ctx, dbOf(request), ticket.id, now));
      },
    );

    app.get(
      "/tickets/:ticketId",
      {
        onRequest: needs(read),
        schema: {
          ...v1Doc("getTicket", read),
          tags: [TAGS.tickets],
          summary: "A ticket's status, place in line and wait now",
          params: ticketParams,
          response: { 200: ticketSchema },
        },
      },
      async (request) => ticketOf(ctx, dbOf(request), request.params.ticketId, new Date()),
    );
  };
