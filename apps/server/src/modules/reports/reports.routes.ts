import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../app-context";
import {
  branchIdFilter,
  requireBranchAccess,
  requireStaffRole,
  staffCaller,
  staffOf,
} from "../access";
import { floorView } from "./floor.query";
import { buildReport } from "./report.query";
import { reportCsv, reportXlsx } from "./report-export";
import { REPORT_TEXTS } from "./report-export.texts";
import {
  exportQuery,
  floorResponse,
  reportQuery,
  reportResponse,
  staffingQuery,
  staffingResponse,
} from "./reports.schema";
import { staffingAdvice } from "./staffing.query";
import type { FastifyRequest } from "fastify";

const MANAGERS = ["COMPANY_ADMIN", "BRANCH_MANAGER"] as const;

/** Operators are refused before the query is validated (a refusal, not a 400). */
const managersOnly = async (request: FastifyRequest): Promise<void> => {
  requireStaffRole(staffOf(request), MANAGERS, "Reports are for managers.");
};

/** Company admins see every branch, branch managers their own; operators are refused. */
function managerScope(request: FastifyRequest, branchId?: string): string[] | null {
  const staff = requireStaffRole(staffOf(request), MANAGERS, "Reports are for managers.");
  if (branchId) requireBranchAccess(staff, branchId);
  return branchIdFilter(staff);
}

/** Reports and the live floor view. Mounted at /api/c/:slug/admin. */
export const reportRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", staffCaller(ctx));
    const tags = ["company admin: reports"];
    app.get(
      "/reports",
      {
        onRequest: managersOnly,
        schema: {
          tags,
          summary: "Queue figures over a date range (each branch's own time zone), from roll-ups",
          querystring: reportQuery,
          response: { 200: reportResponse },
        },
      },
      async (request) => {
        const scope = managerScope(request, request.query.branchId);
        return buildReport(ctx.db, request.company!, { ...request.query, scope });
      },
    );
    app.get(
      "/reports/export",
      {
        onRequest: managersOnly,
        schema: {
          tags,
          summary: "The same report as a CSV or XLSX file, in Uzbek, Russian or English (lang)",
          querystring: exportQuery,
        },
      },
      async (request, reply) => {
        const scope = managerScope(request, request.query.branchId);
        const { format, lang, ...filter } = request.query;
        const report = await buildReport(ctx.db, request.company!, { ...filter, scope });
        const texts = REPORT_TEXTS[lang];
        const tail = `${filter.from}-${filter.to}.${format}`;
        // The name in the admin's language (отчёт-…), and an ASCII one for clients without RFC 6266.
        const name = encodeURIComponent(`${texts.fileName}-${tail}`);
        reply.header(
          "content-disposition",
          `attachment; filename="report-${tail}"; filename*=UTF-8''${name}`,
        );
        if (format === "csv") {
          return reply.type("text/csv; charset=utf-8").send(reportCsv(report, texts));
        }
        return reply
          .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .send(await reportXlsx(report, texts));
      },
    );
    app.get(
      "/reports/staffing",
      {
        onRequest: managersOnly,
        schema: {
          tags,
          summary:
            "Operators needed per 15-minute interval of a typical day (Erlang C), for one branch and service",
          querystring: staffingQuery,
          response: { 200: staffingResponse },
        },
      },
      async (request) => {
        managerScope(request, request.query.branchId);
        return staffingAdvice(ctx.db, request.company!, request.query);
      },
    );
    app.get(
      "/floor",
      {
        onRequest: managersOnly,
        schema: {
          tags,
          summary: "The live floor: waiting, longest wait, operators, served today, per branch",
          response: { 200: floorResponse },
        },
      },
      async (request) => floorView(ctx.db, request.company!, managerScope(request)),
    );
  };
