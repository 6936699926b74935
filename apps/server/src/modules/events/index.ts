// The events module's entry: what other modules may use (the subscriber contract).
export type { DomainEvent, DurableSubscriber, EventCompany } from "./events.types";
