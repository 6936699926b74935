// The outbox module's entry: what other modules may use.
export { enqueueEmail } from "./outbox.repository";
export { enqueueMessage } from "./outbox.repository";
