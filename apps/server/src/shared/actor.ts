import type { AuditActorType } from "@equeue/contracts";
import type { FastifyRequest } from "fastify";

/** Who did something, and from where: what the audit log records. */
export type Actor = {
  type: AuditActorType;
  id: string | null;
  email: string | null;
  companyId: string | null;
  ip: string | null;
  requestId: string | null;
};

export const systemActor: Actor = {
  type: "SYSTEM",
  id: null,
  email: null,
  companyId: null,
  ip: null,
  requestId: null,
};

/** The authenticated caller of a request as an audit actor. */
export function actorOf(request: FastifyRequest): Actor {
  const auth = request.auth;
  return {
    type: auth?.realm === "platform" ? "SUPER_ADMIN" : auth ? "COMPANY_USER" : "SYSTEM",
    id: auth?.sub ?? null,
    email: auth && auth.realm !== "customer" ? auth.email : null,
    companyId: auth?.realm === "company" ? auth.companyId : null,
    ip: request.ip,
    requestId: request.id,
  };
}
