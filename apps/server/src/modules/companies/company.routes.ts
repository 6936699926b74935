import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context";
import { actorOf } from "../../shared/actor";
import { superAdminCaller } from "../access";
import { createCompanyBody } from "../provisioning";
import { provisionCompany } from "../provisioning";
import { toCompanyDto } from "./company.mapper";
import { listCompanies } from "./company.repository";
import {
  companyPage,
  companySchema,
  idParams,
  listCompaniesQuery,
  provisioningFailureSchema,
  updateCompanyBody,
} from "./company.schema";
import {
  changeCompanyStatus,
  exportCompany,
  getCompany,
  listProvisioningFailures,
  purgeCompany,
  resendInvite,
  retryProvisioning,
  updateCompany,
  type StatusAction,
} from "./company.service";
import { TEXT_MAX, LIST_MAX, listOf } from "@equeue/contracts/schemas";

const tags = ["companies"];

/** Super Admin: the company registry and its life cycle. Mounted at /api/platform. */
export const companyRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", superAdminCaller(ctx.tokens));
    const dto = (c: Parameters<typeof toCompanyDto>[1]) => toCompanyDto(ctx, c);

    app.get(
      "/companies",
      {
        schema: {
          tags,
          summary: "List companies",
          querystring: listCompaniesQuery,
          response: { 200: companyPage },
        },
      },
      async (request) => {
        const q = request.query;
        const { items, total } = await listCompanies(ctx.db, q);
        return { items: items.map(dto), total, page: q.page, pageSize: q.pageSize };
      },
    );

    app.post(
      "/companies",
      {
        schema: {
          tags,
          summary: "Create and provision a company",
          description:
            "Creates the registry entry, the company schema, its default admin with a one-time password and the invite e-mail, in one transaction.",
          body: createCompanyBody,
          response: { 201: companySchema },
        },
      },
      async (request, reply) => {
        const { companyId } = await provisionCompany(ctx, request.body, actorOf(request));
        return reply.status(201).send(dto(await getCompany(ctx, companyId)));
      },
    );

    app.get(
      "/companies/:id",
      {
        schema: {
          tags,
          summary: "A company with its provisioning steps",
          params: idParams,
          response: { 200: companySchema },
        },
      },
      async (request) => dto(await getCompany(ctx, request.params.id)),
    );

    app.patch(
      "/companies/:id",
      {
        schema: {
          tags,
          summary: "Edit a company",
          params: idParams,
          body: updateCompanyBody,
          response: { 200: companySchema },
        },
      },
      async (request) =>
        dto(await updateCompany(ctx, request.params.id, request.body, actorOf(request))),
    );

    const statusAction = (
      path: string,
      action: StatusAction,
      summary: string,
      method: "post" | "delete" = "post",
    ) =>
      app[method](
        path,
        { schema: { tags, summary, params: idParams, response: { 200: companySchema } } },
        async (request) =>
          dto(await changeCompanyStatus(ctx, request.params.id, action, actorOf(request))),
      );
    statusAction("/companies/:id/activate", "activate", "Activate: the company becomes public");
    statusAction(
      "/companies/:id/suspend",
      "suspend",
      "Suspend: the company's users and public pages are refused",
    );
    statusAction(
      "/companies/:id/restore",
      "restore",
      "Restore a soft-deleted company (to INACTIVE)",
    );
    statusAction("/companies/:id", "delete", "Soft delete (data kept; purge to remove)", "delete");

    app.post(
      "/companies/:id/resend-invite",
      {
        schema: {
          tags,
          summary: "New one-time password and invite e-mail",
          params: idParams,
          response: { 200: z.object({ outboxId: z.string().max(TEXT_MAX.id) }) },
        },
      },
      async (request) => resendInvite(ctx, request.params.id, actorOf(request)),
    );

    app.get(
      "/companies/:id/export",
      { schema: { tags, summary: "JSON export of the company's data", params: idParams } },
      async (request, reply) => {
        const company = await getCompany(ctx, request.params.id);
        const snapshot = await exportCompany(ctx, company.id);
        return reply
          .header("content-disposition", `attachment; filename="${company.slug}-export.json"`)
          .type("application/json")
          .send(JSON.stringify(snapshot, null, 2));
      },
    );

    app.post(
      "/companies/:id/purge",
      {
        schema: {
          tags,
          summary: "Hard delete: export, then drop the schema",
          params: idParams,
          response: { 200: z.object({ exportFile: z.string().max(TEXT_MAX.path) }) },
        },
      },
      async (request) => purgeCompany(ctx, request.params.id, actorOf(request)),
    );

    app.get(
      "/provisioning-failures",
      {
        schema: {
          tags,
          summary: "Failed create attempts",
          response: {
            200: z.object({ items: listOf(LIST_MAX.failures, provisioningFailureSchema) }),
          },
        },
      },
      async () => {
        const rows = await listProvisioningFailures(ctx);
        return {
          items: rows.map((f) => ({
            id: f.id,
            slug: f.slug,
            failedStep: f.failed_step,
            error: f.error,
            attempts: f.attempts,
            createdAt: f.created_at,
            steps: f.steps,
          })),
        };
      },
    );

    app.post(
      "/provisioning-failures/:id/retry",
      {
        schema: {
          tags,
          summary: "Retry a failed create",
          params: z.strictObject({ id: z.uuid() }),
          response: { 201: companySchema },
        },
      },
      async (request, reply) => {
        const { companyId } = await retryProvisioning(ctx, request.params.id, actorOf(request));
        return reply.status(201).send(dto(await getCompany(ctx, companyId)));
      },
    );
  };
