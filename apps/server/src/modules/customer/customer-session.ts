import type { AppContext } from "../../app-context";
import { AppError } from "../../shared/app-error";
import type { RefreshStore } from "../auth";

/** Customers' refresh tokens: their own table, so no other realm's refresh can rotate them. */
export const customerRefreshStore = (ctx: AppContext): RefreshStore => ({
  db: ctx.db,
  schema: "platform",
  refreshTable: "customer_refresh_tokens",
});

export type CustomerSession = {
  accessToken: string;
  refreshToken: string;
  customer: { id: string; phone: string };
};

const accessTokenFor = (ctx: AppContext, customer: { id: string; phone: string }) =>
  ctx.tokens.sign({ realm: "customer", sub: customer.id, phone: customer.phone, role: "CUSTOMER" });

/** A new session (a new refresh family) for a customer who just proved their phone. */
export async function startCustomerSession(
  ctx: AppContext,
  customer: { id: string; phone: string },
): Promise<CustomerSession> {
  const refreshToken = await ctx.refreshTokens.issue(customerRefreshStore(ctx), customer.id);
  return { accessToken: await accessTokenFor(ctx, customer), refreshToken, customer };
}

/** Rotates a customer's refresh token (a replayed one ends its family) and signs a new token. */
export async function refreshCustomerSession(
  ctx: AppContext,
  raw: string | undefined,
): Promise<CustomerSession> {
  if (!raw) throw new AppError("SESSION_EXPIRED", "You are not signed in. Please sign in.");
  const store = customerRefreshStore(ctx);
  const { userId, token } = await ctx.refreshTokens.rotate(store, raw);
  const customer = await ctx.db
    .selectFrom("platform.customers")
    .select(["id", "phone"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!customer) {
    await ctx.refreshTokens.revokeAllForUser(store, userId);
    throw new AppError("SESSION_EXPIRED", "Your session has ended. Please sign in again.");
  }
  return { accessToken: await accessTokenFor(ctx, customer), refreshToken: token, customer };
}
