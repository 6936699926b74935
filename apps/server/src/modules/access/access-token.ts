import { createHmac, createSecretKey, type KeyObject } from "node:crypto";
import { errors, jwtVerify, SignJWT } from "jose";
import { AppError } from "../../shared/app-error";
import type { StaffRole } from "../../db/tables";

export type PlatformClaims = { realm: "platform"; sub: string; email: string; role: "SUPER_ADMIN" };
export type CompanyClaims = {
  realm: "company";
  sub: string;
  email: string;
  role: StaffRole;
  companyId: string;
  mustChangePassword: boolean;
  /** When the token was issued, in epoch milliseconds (set on verify; ignored on sign). */
  issuedAt?: number;
};
/** A portal customer: a proven phone number, across every company. */
export type CustomerClaims = { realm: "customer"; sub: string; phone: string; role: "CUSTOMER" };
export type AccessClaims = PlatformClaims | CompanyClaims | CustomerClaims;

/** What a company-realm token is checked against: its company, and the company's cut-off. */
export type CompanyExpectation = {
  realm: "company";
  companyId: string;
  /** Tokens issued before this are refused (the company was suspended or deleted since). */
  validAfter?: Date | null;
};
type Expectation = { realm: "platform" } | { realm: "customer" } | CompanyExpectation;

const ISSUER = "e-queue";
const audienceOf = (
  c: { realm: "platform" } | { realm: "customer" } | { realm: "company"; companyId: string },
) => (c.realm === "company" ? `company:${c.companyId}` : c.realm);

/** How many verified tokens are remembered (one per signed-in person and screen is plenty). */
const VERIFIED_CACHE_SIZE = 20_000;

/**
 * Signs and verifies short-lived access tokens; verification needs no database round trip.
 * A token is immutable, so once its signature and claims have been checked for a realm the
 * result is remembered until the token expires: an operator's screen sends the same token with
 * every request, and checking the HMAC and claims each time was a tenth of a request's CPU.
 */
export class AccessTokens {
  private readonly key: KeyObject;
  private readonly verified = new Map<string, { claims: AccessClaims; expiresAt: number }>();

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = createSecretKey(new TextEncoder().encode(secret));
  }

  /** Issues a token for one realm. */
  async sign(claims: AccessClaims): Promise<string> {
    const now = Date.now();
    const payload: Record<string, unknown> = { role: claims.role, realm: claims.realm };
    if (claims.realm === "customer") payload.phone = claims.phone;
    else payload.email = claims.email;
    if (claims.realm === "company") {
      payload.cid = claims.companyId;
      payload.mcp = claims.mustChangePassword;
      // `iat` has whole seconds; a company's session cut-off needs the exact instant, or a login
      // right after a re-activation in the same second would look older than the cut-off.
      payload.iam = now;
    }
    return new SignJWT(payload)
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setAudience(audienceOf(claims))
      .setIssuedAt(Math.floor(now / 1000))
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
  }

  /**
   * A keyed digest (HMAC-SHA256) of `data` for one `purpose`, with the platform's signing
   * secret: what the server hands out and later must recognise as its own (a kiosk's reserved
   * numbers) without storing it. Different purposes never share a digest.
   */
  digest(purpose: string, data: string): Buffer {
    return createHmac("sha256", this.key).update(`${purpose}\n${data}`).digest();
  }

  /** Verifies a token for the realm the request is in; any other realm is refused. */
  async verify(token: string, expected: Expectation): Promise<AccessClaims> {
    const claims = await this.verifyCached(token, expected);
    if (
      expected.realm === "company" &&
      claims.realm === "company" &&
      expected.validAfter &&
      (claims.issuedAt ?? 0) < expected.validAfter.getTime()
    ) {
      throw new AppError("SESSION_EXPIRED", "Your session has ended. Please log in again.");
    }
    return claims;
  }

  private async verifyCached(token: string, expected: Expectation): Promise<AccessClaims> {
    const cacheKey = `${audienceOf(expected)} ${token}`;
    const hit = this.verified.get(cacheKey);
    if (hit) {
      if (hit.expiresAt > Date.now()) return hit.claims;
      this.verified.delete(cacheKey);
    }
    const { claims, expiresAt } = await this.verifyAndDecode(token, expected);
    // Oldest first out: a Map iterates in insertion order.
    if (this.verified.size >= VERIFIED_CACHE_SIZE) {
      this.verified.delete(this.verified.keys().next().value!);
    }
    // Shared by every request that carries this token: nobody may change it.
    this.verified.set(cacheKey, { claims: Object.freeze(claims), expiresAt });
    return claims;
  }

  private async verifyAndDecode(
    token: string,
    expected: Expectation,
  ): Promise<{ claims: AccessClaims; expiresAt: number }> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ["HS256"],
        issuer: ISSUER,
        audience: audienceOf(expected),
      });
      const base = { sub: String(payload.sub), email: String(payload.email) };
      // Tokens are always signed with an expiry; one without is not remembered.
      const expiresAt = typeof payload.exp === "number" ? payload.exp * 1000 : 0;
      if (expected.realm === "customer") {
        if (payload.realm !== "customer" || payload.role !== "CUSTOMER") throw wrongRealm();
        const claims: CustomerClaims = {
          realm: "customer",
          sub: base.sub,
          phone: String(payload.phone),
          role: "CUSTOMER",
        };
        return { claims, expiresAt };
      }
      if (expected.realm === "platform") {
        if (payload.realm !== "platform" || payload.role !== "SUPER_ADMIN") throw wrongRealm();
        return { claims: { ...base, realm: "platform", role: "SUPER_ADMIN" }, expiresAt };
      }
      if (payload.realm !== "company" || payload.cid !== expected.companyId) throw wrongRealm();
      return {
        claims: {
          ...base,
          realm: "company",
          role: payload.role as StaffRole,
          companyId: expected.companyId,
          mustChangePassword: payload.mcp === true,
          issuedAt:
            typeof payload.iam === "number"
              ? payload.iam
              : typeof payload.iat === "number"
                ? payload.iat * 1000
                : 0,
        },
        expiresAt,
      };
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (err instanceof errors.JWTExpired) {
        throw new AppError(
          "TOKEN_EXPIRED",
          "Your session token has expired; refresh it or log in again.",
        );
      }
      if (err instanceof errors.JWTClaimValidationFailed && err.claim === "aud") throw wrongRealm();
      throw new AppError("UNAUTHENTICATED", "The access token is not valid. Log in again.");
    }
  }
}

const wrongRealm = () =>
  new AppError(
    "WRONG_REALM",
    "This token belongs to another realm or company and is not accepted here.",
  );
