import type { Selectable } from "kysely";
import { COMPANY_CAPS } from "@equeue/contracts/schemas";
import type { WebhookDeliveriesTable, WebhookEndpointsTable } from "../../db/tables";
import { AppError, notFound } from "../../shared/app-error";
import { auditChange, inTransaction, type SetupEnv } from "../setup-common";
import { safeAddress, UnsafeAddressError } from "./ssrf-guard";
import { newWebhookSecret } from "./webhook-signature";
import { webhooksWanted } from "./webhook.subscriber";
import type { CreateWebhookInput, UpdateWebhookInput } from "./webhook.schema";

type EndpointRow = Selectable<WebhookEndpointsTable>;
type DeliveryRow = Selectable<WebhookDeliveriesTable>;

const MAX_ENDPOINTS = COMPANY_CAPS.webhooks;

const toEndpointDto = (r: EndpointRow) => ({
  id: r.id,
  url: r.url,
  description: r.description,
  eventTypes: r.event_types as never[],
  status: r.status,
  pausedReason: r.paused_reason,
  consecutiveFailures: r.consecutive_failures,
  createdAt: r.created_at,
});

// A delivery is named by its event's number in the company's own event log (one delivery per
// endpoint and event), not by the platform-wide row id, whose gaps would tell one company how
// many deliveries the others get.
const toDeliveryDto = (r: DeliveryRow) => ({
  id: String(r.event_id),
  eventType: r.event_type,
  ticketId: r.ticket_id,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastStatusCode: r.last_status_code,
  lastError: r.last_error,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
});

/** Refuses an address the platform must not call (see ssrf-guard), as a field error. */
async function checkUrl(env: SetupEnv, url: string): Promise<void> {
  try {
    await safeAddress(new URL(url), env.ctx.config.WEBHOOKS_ALLOW_PRIVATE);
  } catch (err) {
    const message =
      err instanceof UnsafeAddressError ? err.message : "This address cannot be found; check it.";
    throw new AppError("VALIDATION_FAILED", message, { details: [{ path: "url", message }] });
  }
}

const endpoints = (env: SetupEnv) =>
  env.ctx.db.selectFrom("platform.webhook_endpoints").where("company_id", "=", env.company.id);

async function getEndpoint(env: SetupEnv, id: string): Promise<EndpointRow> {
  const row = await endpoints(env).selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("The webhook");
  return row;
}

export const listWebhooks = async (env: SetupEnv) =>
  (await endpoints(env).selectAll().orderBy("created_at").execute()).map(toEndpointDto);

export async function createWebhook(env: SetupEnv, input: CreateWebhookInput) {
  await checkUrl(env, input.url);
  const count = await endpoints(env)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_ENDPOINTS) {
    throw new AppError("INVALID_STATE", `A company may have at most ${MAX_ENDPOINTS} webhooks.`);
  }
  const secret = newWebhookSecret();
  const row = await inTransaction(env, async (_q, trx) => {
    const inserted = await trx
      .insertInto("platform.webhook_endpoints")
      .values({
        company_id: env.company.id,
        url: input.url,
        description: input.description,
        event_types: JSON.stringify(input.eventTypes),
        secret,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditChange(
      trx,
      env,
      "webhook.create",
      { type: "webhook", id: inserted.id },
      {
        url: input.url,
        eventTypes: input.eventTypes,
      },
    );
    return inserted;
  });
  // The company's events go to it from now on, without the idle runs' wait.
  webhooksWanted(env.company.id);
  return { endpoint: toEndpointDto(row), secret };
}

export async function updateWebhook(env: SetupEnv, id: string, input: UpdateWebhookInput) {
  await getEndpoint(env, id);
  if (input.url) await checkUrl(env, input.url);
  const row = await inTransaction(env, async (_q, trx) => {
    const updated = await trx
      .updateTable("platform.webhook_endpoints")
      .set({
        ...(input.url !== undefined && { url: input.url }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.eventTypes !== undefined && { event_types: JSON.stringify(input.eventTypes) }),
        ...(input.status !== undefined && {
          status: input.status,
          ...(input.status === "ACTIVE" && { consecutive_failures: 0, paused_reason: null }),
        }),
        updated_at: new Date(),
      })
      .where("company_id", "=", env.company.id)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditChange(trx, env, "webhook.update", { type: "webhook", id }, { ...input });
    return updated;
  });
  // What waited while it was paused goes out now, not at the next poll.
  if (input.status === "ACTIVE") env.ctx.webhooks.wake();
  return toEndpointDto(row);
}

export async function deleteWebhook(env: SetupEnv, id: string): Promise<void> {
  await getEndpoint(env, id);
  await inTransaction(env, async (_q, trx) => {
    await trx
      .deleteFrom("platform.webhook_endpoints")
      .where("company_id", "=", env.company.id)
      .where("id", "=", id)
      .execute();
    await auditChange(trx, env, "webhook.delete", { type: "webhook", id });
  });
}

/** The endpoint's latest deliveries, newest first: the delivery log. */
export async function listDeliveries(env: SetupEnv, id: string) {
  await getEndpoint(env, id);
  const rows = await env.ctx.db
    .selectFrom("platform.webhook_deliveries")
    .selectAll()
    .where("endpoint_id", "=", id)
    .orderBy("id", "desc")
    .limit(100)
    .execute();
  return rows.map(toDeliveryDto);
}

/** Sends a delivery again (a failed one, or a delivered one the receiver lost): same event id. */
export async function resendDelivery(env: SetupEnv, id: string, deliveryId: string) {
  await getEndpoint(env, id);
  const row = await env.ctx.db
    .updateTable("platform.webhook_deliveries")
    .set({ status: "PENDING", attempts: 0, next_attempt_at: new Date(), last_error: null })
    .where("endpoint_id", "=", id)
    .where("event_id", "=", deliveryId)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound("The delivery");
  env.ctx.webhooks.wake();
  return toDeliveryDto(row);
}
