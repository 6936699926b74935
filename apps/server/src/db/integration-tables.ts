import type { Generated } from "kysely";
import type { Json } from "./column-types";

/** A company's API key: the secret is only kept as its SHA-256 (base64url). */
export type ApiKeysTable = {
  id: Generated<string>;
  company_id: string;
  /** Public, unique: the part of the key that finds its row. */
  prefix: string;
  secret_hash: string;
  name: string;
  scopes: Json<string[]>;
  rate_limit_per_minute: number;
  created_by: string | null;
  created_at: Generated<Date>;
  last_used_at: Date | null;
  revoked_at: Date | null;
};

export type WebhookEndpointStatus = "ACTIVE" | "PAUSED" | "DISABLED";

/** Where a company wants its queue's events sent, and which ones. */
export type WebhookEndpointsTable = {
  id: Generated<string>;
  company_id: string;
  url: string;
  description: Generated<string>;
  event_types: Json<string[]>;
  /** The signing secret: the receiver needs it in clear, so it is kept in clear. */
  secret: string;
  status: Generated<WebhookEndpointStatus>;
  paused_reason: string | null;
  consecutive_failures: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type WebhookDeliveryStatus = "PENDING" | "DELIVERED" | "FAILED";

/** One event for one endpoint: attempted until delivered or given up. */
export type WebhookDeliveriesTable = {
  id: Generated<string>;
  endpoint_id: string;
  company_id: string;
  event_id: string | number;
  event_type: string;
  ticket_id: string | null;
  payload: Json<Record<string, unknown>>;
  status: Generated<WebhookDeliveryStatus>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Generated<Date>;
  delivered_at: Date | null;
};

export type IntegrationTables = {
  "platform.api_keys": ApiKeysTable;
  "platform.webhook_endpoints": WebhookEndpointsTable;
  "platform.webhook_deliveries": WebhookDeliveriesTable;
};
