import { TICKET_ACTION } from "@equeue/core";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../../app-context";
import { callerOf, staffCaller, staffIdOf, staffOf, staffTokenCaller } from "../../access";
import { companyDb } from "../../tenancy";
import { callNextTicket } from "../commands/call-next.command";
import { issueTicket } from "../commands/issue-ticket.command";
import { setOperatorStatus, startCounterSession } from "../commands/operator-session.command";
import { branchDirectory } from "../queries/branch-directory.query";
import { branchDirectorySchema, workplaceSchema } from "./queue-views.schema";
import {
  branchParams,
  callNextResponse,
  cancelBody,
  cancelWaitingBody,
  cancelWaitingResponse,
  waitingCountQuery,
  waitingCountResponse,
  emptyBody,
  finishBody,
  issueTicketBody,
  sessionResponse,
  setStatusBody,
  startSessionBody,
  ticketParams,
  ticketResponse,
  transferBody,
  transferResponse,
} from "./queue.schema";
import { loadStaffWorkplace } from "../staff-workplace";
import { actOnTicket, type StaffTicketAction } from "../commands/ticket-actions.command";
import { toStaffTicket } from "../queries/ticket.mapper";
import { transferTicket } from "../commands/transfer-ticket.command";
import { workplaceState } from "../queries/workplace.query";
import { cancelWaitingTickets, countWaitingTickets } from "../commands/cancel-waiting.command";

const tags = ["queue"];

// URL segment → action, with what each endpoint's body may carry.
const ACTION_ENDPOINTS: { path: string; action: StaffTicketAction; summary: string }[] = [
  { path: "call", action: TICKET_ACTION.CALL, summary: "Call this waiting ticket to my counter" },
  { path: "recall", action: TICKET_ACTION.RECALL, summary: "Announce my called ticket again" },
  { path: "start", action: TICKET_ACTION.START, summary: "The customer arrived: start serving" },
  { path: "no-show", action: TICKET_ACTION.MARK_NO_SHOW, summary: "Did not come (after grace)" },
  { path: "finish", action: TICKET_ACTION.FINISH, summary: "Finish serving, optional note" },
  { path: "return", action: TICKET_ACTION.RETURN_TO_QUEUE, summary: "Back to its place in line" },
  {
    path: "cancel",
    action: TICKET_ACTION.CANCEL,
    summary: "Cancel a booked/waiting/called ticket",
  },
  { path: "check-in", action: TICKET_ACTION.CHECK_IN, summary: "A booked customer has arrived" },
];

/** Staff side of the queue: reception, the operator workplace. Mounted at /api/c/:slug. */
export const queueRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(operatorHotPath(ctx));
    await app.register(staffQueueRoutes(ctx));
  };

/**
 * The operator's hot path — issuing, call-next and the actions on a ticket. Each command reads
 * the caller's account in its own statement and refuses a missing or deactivated account as
 * `staffCaller` would, so here only the token is checked: one round trip fewer a request.
 */
const operatorHotPath =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (hot) => {
    hot.addHook("onRequest", staffTokenCaller(ctx));
    hot.post(
      "/queue/tickets",
      {
        schema: {
          tags,
          summary: "Issue a ticket (reception / operator screen)",
          body: issueTicketBody,
          response: { 201: ticketResponse },
        },
      },
      async (request, reply) => {
        // Staff issue walk-in tickets: the source follows from the caller, not from the body.
        const ticket = await issueTicket(ctx, request.company!, callerOf(request), request.body);
        return reply.status(201).send({ ticket: toStaffTicket(ticket) });
      },
    );

    hot.post(
      "/queue/call-next",
      {
        schema: {
          tags,
          summary: "Call my next customer (null when nobody waits for my services)",
          body: emptyBody,
          response: { 200: callNextResponse },
        },
      },
      async (request) => {
        // The statement reads the operator's session itself: no scope query first.
        const ticket = await callNextTicket(ctx, request.company!, {
          staffId: staffIdOf(request),
        });
        return { ticket: ticket ? toStaffTicket(ticket) : null };
      },
    );

    for (const e of ACTION_ENDPOINTS) {
      const body =
        e.action === TICKET_ACTION.FINISH
          ? finishBody
          : e.action === TICKET_ACTION.CANCEL
            ? cancelBody
            : emptyBody;
      hot.post(
        `/queue/tickets/:id/${e.path}`,
        {
          schema: {
            tags,
            summary: e.summary,
            params: ticketParams,
            body,
            response: { 200: ticketResponse },
          },
        },
        async (request) => {
          const input = (request.body ?? {}) as { note?: string; reason?: string };
          // The command reads the caller's scope together with the ticket, in one round trip.
          const ticket = await actOnTicket(
            ctx,
            request.company!,
            { staffId: staffIdOf(request) },
            request.params.id,
            e.action,
            { note: input.note ?? input.reason ?? null },
          );
          return { ticket: toStaffTicket(ticket) };
        },
      );
    }
  };

/** The rest of the staff side, behind the full staff check. */
const staffQueueRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", staffCaller(ctx));
    const dbOf = (request: FastifyRequest) => companyDb(ctx.db, request.company!);
    const scopeOf = (request: FastifyRequest) =>
      loadStaffWorkplace(ctx.db, request.company!, staffOf(request).staffId);

    app.post(
      "/queue/tickets/:id/transfer",
      {
        schema: {
          tags,
          summary:
            "Transfer my customer to another service or operator (keeps the number and place)",
          params: ticketParams,
          body: transferBody,
          response: { 200: transferResponse },
        },
      },
      async (request) => {
        const result = await transferTicket(
          ctx,
          request.company!,
          await scopeOf(request),
          request.params.id,
          request.body,
        );
        return { from: toStaffTicket(result.from), to: toStaffTicket(result.to) };
      },
    );

    app.get(
      "/queue/branches/:branchId/waiting-count",
      {
        schema: {
          tags,
          summary: "How many customers wait at a branch (manager/admin; before closing the line)",
          params: branchParams,
          querystring: waitingCountQuery,
          response: { 200: waitingCountResponse },
        },
      },
      async (request) => ({
        waiting: await countWaitingTickets(
          ctx,
          request.company!,
          staffOf(request),
          request.params.branchId,
          request.query.serviceId,
        ),
      }),
    );

    app.post(
      "/queue/branches/:branchId/cancel-waiting",
      {
        schema: {
          tags,
          summary:
            "Close the line early: cancel every waiting ticket (of one service), telling each customer the message",
          params: branchParams,
          body: cancelWaitingBody,
          response: { 200: cancelWaitingResponse },
        },
      },
      async (request) => ({
        cancelled: await cancelWaitingTickets(
          ctx,
          request.company!,
          staffOf(request),
          request.params.branchId,
          request.body,
        ),
      }),
    );

    app.post(
      "/queue/session",
      {
        schema: {
          tags,
          summary: "Start work at a counter (takeOver moves me from another counter)",
          body: startSessionBody,
          response: { 200: sessionResponse },
        },
      },
      async (request) => ({
        session: await startCounterSession(
          ctx,
          request.company!,
          await scopeOf(request),
          request.body ?? {},
        ),
      }),
    );

    app.put(
      "/queue/status",
      {
        schema: {
          tags,
          summary: "Set my status: AVAILABLE, BREAK (reason), AWAY, OFFLINE (leave the counter)",
          body: setStatusBody,
          response: { 200: sessionResponse },
        },
      },
      async (request) => ({
        session: await setOperatorStatus(
          ctx,
          request.company!,
          await scopeOf(request),
          request.body,
        ),
      }),
    );

    app.get(
      "/queue/workplace",
      {
        schema: {
          tags,
          summary: "My workplace: current customer, waiting lists, today's figures, my status",
          response: { 200: workplaceSchema },
        },
      },
      async (request) => workplaceState(dbOf(request), await scopeOf(request), new Date()),
    );

    app.get(
      "/queue/directory",
      {
        schema: {
          tags,
          summary: "My branch: counters (and who sits there), services offered, colleagues",
          response: { 200: branchDirectorySchema },
        },
      },
      async (request) => branchDirectory(dbOf(request), await scopeOf(request)),
    );
  };
