import { useEffect, type ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { PageSpinner } from "../components/ui/spinner";
import type { AuthSession } from "../lib/auth/auth-session";
import { useSessionState } from "../lib/auth/sessions";

type Props<U extends { mustChangePassword?: boolean }> = {
  session: AuthSession<U>;
  loginPath: string;
  children: ReactNode;
};

/** Renders children for a signed-in user; tries the refresh cookie once, else goes to login. */
export function RequireSession<U extends { mustChangePassword?: boolean }>({
  session,
  loginPath,
  children,
}: Props<U>) {
  const state = useSessionState(session);
  const location = useLocation();

  useEffect(() => {
    if (state.status === "unknown") void session.ensure();
  }, [session, state.status]);

  if (state.status === "unknown") return <PageSpinner />;
  if (state.status === "anonymous") {
    const next = location.pathname + location.search;
    return <Navigate to={`${loginPath}?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

/** Where to go after login: a same-site `next` path, else the fallback. */
export function safeNext(search: string, fallback: string): string {
  const next = new URLSearchParams(search).get("next");
  return next && next.startsWith("/") && !next.startsWith("//") ? next : fallback;
}
