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
};
export type AccessClaims = PlatformClaims | CompanyClaims;

const ISSUER = "e-queue";
const audienceOf = (c: { realm: "platform" } | { realm: "company"; companyId: string }) =>
  c.realm === "platform" ? "platform" : `company:${c.companyId}`;

/** Signs and verifies short-lived access tokens; verification needs no database round trip. */
export class AccessTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  /** Issues a token for one realm. */
  async sign(claims: AccessClaims): Promise<string> {
    const payload: Record<string, unknown> = {
      email: claims.email,
      role: claims.role,
      realm: claims.realm,
    };
    if (claims.realm === "company") {
      payload.cid = claims.companyId;
      payload.mcp = claims.mustChangePassword;
    }
    return new SignJWT(payload)
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setAudience(audienceOf(claims))
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
  }

  /** Verifies a token for the realm the request is in; any other realm is refused. */
  async verify(
    token: string,
    expected: { realm: "platform" } | { realm: "company"; companyId: string },
  ): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ["HS256"],
        issuer: ISSUER,
        audience: audienceOf(expected),
      });
      const base = { sub: String(payload.sub), email: String(payload.email) };
      if (expected.realm === "platform") {
        if (payload.realm !== "platform" || payload.role !== "SUPER_ADMIN") throw wrongRealm();
        return { ...base, realm: "platform", role: "SUPER_ADMIN" };
      }
      if (payload.realm !== "company" || payload.cid !== expected.companyId) throw wrongRealm();
      return {
        ...base,
        realm: "company",
        role: payload.role as StaffRole,
        companyId: expected.companyId,
        mustChangePassword: payload.mcp === true,
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
