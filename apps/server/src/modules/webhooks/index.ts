// The webhooks module's entry: the durable subscriber and the delivery worker (its admin routes
// are mounted by app.ts).
export { webhookSubscriber } from "./webhook.subscriber";
export { WebhookWorker } from "./webhook.worker";
export { pausedEndpointNotice } from "./webhook-paused-notice";
export {
  REPLAY_WINDOW_SECONDS,
  SIGNATURE_HEADER,
  signWebhook,
  verifyWebhook,
} from "./webhook-signature";
