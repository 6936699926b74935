import type { AuthUserDto } from "@equeue/contracts";
import { useSyncExternalStore } from "react";
import { companyApiBase } from "../company-host";
import { AuthSession, type SessionState } from "./auth-session";

/** The signed-in Super Admin; staff sign in with the same answer shape. */
export type PlatformUser = AuthUserDto;

export type CompanyUser = AuthUserDto;

/** The Super Admin's session (platform realm). */
export const platformSession = new AuthSession<PlatformUser>("/api/platform");

const companySessions = new Map<string, AuthSession<CompanyUser>>();

/** One session per company: a token belongs to exactly one company realm. */
export function getCompanySession(slug: string): AuthSession<CompanyUser> {
  let session = companySessions.get(slug);
  if (!session) {
    session = new AuthSession<CompanyUser>(companyApiBase(slug));
    companySessions.set(slug, session);
  }
  return session;
}

export function useSessionState<U extends { mustChangePassword?: boolean }>(
  session: AuthSession<U>,
): SessionState<U> {
  return useSyncExternalStore(session.subscribe, session.getState);
}
