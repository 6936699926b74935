import type { AccessClaims } from "./modules/auth/access-token";
import type { CompanyRecord } from "./modules/tenancy/company-directory";

declare module "fastify" {
  interface FastifyInstance {
    /** Method and URL of every registered route. */
    routeTable: { method: string; url: string }[];
  }
  interface FastifyRequest {
    /** Verified claims of the caller's access token, set by a guard. */
    auth?: AccessClaims;
    /** The company this request is addressed to, set by the tenancy hook. */
    company?: CompanyRecord;
  }
}
