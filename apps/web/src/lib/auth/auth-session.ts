import type { LoginInput } from "@equeue/contracts";
import { ApiError, isApiError } from "../api/api-error";
import { requestJson, send, type RequestOptions } from "../api/http";

export type SessionStatus = "unknown" | "authenticated" | "anonymous";
/** `expired`: a session this browser had has run out (not a first visit, not a logout). */
export type SessionState<U> = { status: SessionStatus; user: U | null; expired?: boolean };
type AuthAnswer<U> = { accessToken: string; user: U };

/**
 * One realm's login: the access token lives only in memory; the refresh token is an
 * httpOnly cookie the browser sends to `{apiBase}/auth/refresh`.
 */
export class AuthSession<U extends { mustChangePassword?: boolean }> {
  private token: string | null = null;
  private state: SessionState<U> = { status: "unknown", user: null };
  private refreshing: Promise<boolean> | null = null;
  private readonly listeners = new Set<() => void>();

  /**
   * `sessionHint`: where the realm's refresh cookie is set for the base domain (the customer's
   * one account across companies), a site that never signed in may still hold a session; the
   * server's readable hint cookie says whether one is there (null: cannot tell, so ask).
   */
  constructor(
    readonly apiBase: string,
    private readonly options: { sessionHint?: () => boolean | null } = {},
  ) {}

  // A first visit and an ended session both answer the refresh with 401 (an expired cookie is
  // simply not sent), so the browser remembers, per realm, that it was signed in: only then does
  // the login page say "session expired". The marker holds no secret, only "was signed in".
  private get markerKey(): string {
    return `eq-signed-in:${this.apiBase}`;
  }

  private remember(signedIn: boolean): void {
    try {
      if (signedIn) localStorage.setItem(this.markerKey, "1");
      else localStorage.removeItem(this.markerKey);
    } catch {
      // No storage (private mode, tests): the notice is only a courtesy.
    }
  }

  private wasSignedIn(): boolean {
    return this.marker() === true;
  }

  /** False only when nothing says this browser could hold a session of this realm. */
  private mayHaveSession(): boolean | null {
    const marker = this.marker();
    if (marker === true) return true;
    const hint = this.options.sessionHint ? this.options.sessionHint() : false;
    if (hint === true) return true;
    return marker === null || hint === null ? null : false;
  }

  /** The marker, or null where there is no storage to ask. */
  private marker(): boolean | null {
    try {
      return localStorage.getItem(this.markerKey) === "1";
    } catch {
      return null;
    }
  }

  getState = (): SessionState<U> => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(state: SessionState<U>): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  private accept(answer: AuthAnswer<U>): U {
    this.token = answer.accessToken;
    this.remember(true);
    this.set({ status: "authenticated", user: answer.user });
    return answer.user;
  }

  /** Forget the session locally (the server side is revoked by `logout`). */
  clear(): void {
    this.token = null;
    this.remember(false);
    this.set({ status: "anonymous", user: null });
  }

  /** The session ran out (refresh refused): say so on the login page, once. */
  private expire(): void {
    const expired = this.state.status === "authenticated" || this.wasSignedIn();
    this.token = null;
    this.remember(false);
    this.set({ status: "anonymous", user: null, expired });
  }

  async login(email: string, password: string): Promise<U> {
    const answer = await requestJson<AuthAnswer<U>>(`${this.apiBase}/auth/login`, {
      method: "POST",
      body: { email, password } satisfies LoginInput,
    });
    return this.accept(answer);
  }

  /** Rotates the refresh cookie once; concurrent callers share the same attempt. */
  refresh(): Promise<boolean> {
    this.refreshing ??= requestJson<AuthAnswer<U>>(`${this.apiBase}/auth/refresh`, {
      method: "POST",
    })
      .then((answer) => {
        this.accept(answer);
        return true;
      })
      .catch(() => {
        this.expire();
        return false;
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  /** The access token now (null when signed out), for a request outside this realm's base. */
  accessToken(): string | null {
    return this.token;
  }

  /** Whether this browser was signed in to this realm (no request made). */
  hadSession(): boolean {
    return this.wasSignedIn();
  }

  /**
   * On app start: try the refresh cookie once if we do not know yet. A browser that was never
   * signed in to this realm has no cookie to send, so it is anonymous without asking (no 401 on
   * every first visit); where it cannot tell (no storage), it asks.
   */
  async ensure(): Promise<boolean> {
    if (this.state.status === "authenticated") return true;
    if (this.state.status === "anonymous") return false;
    if (this.mayHaveSession() === false) {
      this.set({ status: "anonymous", user: null, expired: false });
      return false;
    }
    return this.refresh();
  }

  async logout(): Promise<void> {
    try {
      await send(`${this.apiBase}/auth/logout`, { method: "POST", token: this.token });
    } catch {
      // Logging out locally matters more than the server's answer.
    } finally {
      this.clear();
    }
  }

  /** Authenticated raw request; one refresh-and-retry on an expired access token. */
  async send(path: string, options: RequestOptions = {}): Promise<Response> {
    try {
      return await send(this.apiBase + path, { ...options, token: this.token });
    } catch (error) {
      if (!isApiError(error)) throw error;
      if (error.status === 401 && error.code === "TOKEN_EXPIRED") {
        if (await this.refresh())
          return send(this.apiBase + path, { ...options, token: this.token });
        throw new ApiError(401, "SESSION_EXPIRED", error.message);
      }
      if (error.status === 401) this.expire();
      if (error.code === "PASSWORD_CHANGE_REQUIRED") {
        const user = this.state.user;
        if (user)
          this.set({ status: this.state.status, user: { ...user, mustChangePassword: true } });
      }
      throw error;
    }
  }

  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const res = await this.send(path, options);
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /**
   * An access token good for at least another `marginSeconds`, refreshing first if needed —
   * for socket handshakes, which cannot retry on 401 the way `send` does.
   */
  async freshToken(marginSeconds = 30): Promise<string | null> {
    if (!this.token || tokenExpiresWithin(this.token, marginSeconds)) {
      if (!(await this.refresh())) return null;
    }
    return this.token;
  }

  /** Used after change-password, which answers with a fresh token and user. */
  adopt(answer: AuthAnswer<U>): U {
    return this.accept(answer);
  }
}

/** True when a JWT's `exp` is within `seconds` from now (or cannot be read). */
function tokenExpiresWithin(token: string, seconds: number): boolean {
  try {
    const part = token.split(".")[1] ?? "";
    const json = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp !== "number" || exp * 1000 - Date.now() < seconds * 1000;
  } catch {
    return true;
  }
}
