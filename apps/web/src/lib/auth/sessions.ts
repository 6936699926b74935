import { useSyncExternalStore } from "react";
import { companyApiBase } from "../company-host";
import { AuthSession, type SessionState } from "./auth-session";

export type PlatformUser = {
  id: string;
  email: string;
  name?: string | null;
  role: string;
  mustChangePassword?: boolean;
};

export type CompanyUser = {
  id: string;
  email: string;
  name?: string | null;
  role: string;
  mustChangePassword: boolean;
};

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
