import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { staffProfileSchema as profileSchema } from "@equeue/contracts/schemas";
import type { AppContext } from "../../app-context";
import { logoUrl } from "../companies";
import { findBranding } from "../company-setup";
import { setupEnv, tablesOf } from "../setup-common";
import { ALL_STAFF_ROLES, staffCaller } from "../access";
import {
  findStaff,
  listProfileBranches,
  listProfileServices,
  findProfileCounter,
} from "./staff-me.repository";

type BranchRow = Awaited<ReturnType<typeof listProfileBranches>>[number];
const toBranchRef = (b: BranchRow) => ({
  id: b.id,
  slug: b.slug,
  code: b.code,
  name: b.name,
  timeZone: b.time_zone,
  status: b.status,
});

/** Any staff member's own profile: where it works and what it serves. Mounted at /api/c/:slug. */
export const staffMeRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/staff/me",
      {
        onRequest: staffCaller(ctx, { roles: ALL_STAFF_ROLES }),
        schema: {
          tags: ["staff"],
          summary: "My profile: branch, counter, services (and managed branches)",
          response: { 200: profileSchema },
        },
      },
      async (request) => {
        const env = setupEnv(ctx, request);
        const q = tablesOf(env);
        const me = (await findStaff(q, env.caller.staffId))!;
        const [branches, counter, services, branding] = await Promise.all([
          listProfileBranches(q, me.id, me.branch_id),
          me.counter_id ? findProfileCounter(q, me.counter_id) : undefined,
          listProfileServices(q, me.id),
          findBranding(q),
        ]);
        const own = branches.find((b) => b.id === me.branch_id);
        return {
          id: me.id,
          email: me.email,
          name: me.name,
          role: me.role,
          phone: me.phone,
          branch: own ? toBranchRef(own) : null,
          counter: counter
            ? {
                id: counter.id,
                number: counter.number,
                name: counter.name,
                active: counter.is_active,
              }
            : null,
          services: services.map((s) => ({
            id: s.id,
            letter: s.letter,
            name: s.name,
            durationMinutes: s.duration_minutes,
            active: s.is_active,
          })),
          managedBranches: branches.filter((b) => b.managed).map(toBranchRef),
          weeklySchedule: me.weekly_schedule as Record<string, never>,
          company: {
            name: branding?.name ?? env.company.name,
            slug: env.company.slug,
            logoUrl: logoUrl(branding?.logo_id ?? env.company.logo_id),
            primaryColor: branding?.primary_color ?? null,
          },
        };
      },
    );
  };
