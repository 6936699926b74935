import type { CustomerDto, CustomerSessionDto, SignInCodeDto } from "@equeue/contracts";
import { requestJson } from "../api/http";
import { AuthSession } from "./auth-session";

export type CustomerUser = CustomerDto & { mustChangePassword?: boolean };

/**
 * The server's readable `eq_customer` cookie (no secret: "a customer session is here"), set with
 * the refresh cookie for the base domain, so any company's page knows without asking.
 */
function customerHint(): boolean | null {
  if (typeof document === "undefined") return null;
  return document.cookie.split("; ").includes("eq_customer=1");
}

/**
 * The portal customer's session (the customer realm: one account across companies). Loaded
 * only by the account pages, never with the portal's first screen.
 */
export const customerSession = new AuthSession<CustomerUser>("/api/customer", {
  sessionHint: customerHint,
});

/** Sends a sign-in code by SMS; the answer says where (masked) and when to offer a resend. */
export const requestSignInCode = (phone: string) =>
  requestJson<SignInCodeDto>("/api/customer/auth/request-code", {
    method: "POST",
    body: { phone },
  });

/** Exchanges the SMS code for a session (the refresh cookie is set by the answer). */
export async function verifySignInCode(phone: string, code: string): Promise<CustomerUser> {
  const answer = await requestJson<CustomerSessionDto>("/api/customer/auth/verify", {
    method: "POST",
    body: { phone, code },
  });
  return customerSession.adopt(answer);
}
