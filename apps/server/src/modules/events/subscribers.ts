import type { QueuePublisher } from "../queue";
import type { DurableSubscriber, LiveSubscriber } from "./events.types";
import { ticketIndexSubscriber } from "./ticket-index.subscriber";

/**
 * Who hears of committed queue changes. Adding a side effect is one line here; a durable one
 * starts from the beginning of each company's event log (its cursor row is created on first run).
 */
export const durableSubscribers: DurableSubscriber[] = [ticketIndexSubscriber];

/** The realtime gateway first: fed in process with the facts, so screens update at once. */
export const liveSubscribers = (realtime: QueuePublisher): LiveSubscriber[] => [
  { name: "realtime", deliver: (company, facts) => realtime.publish(company, facts) },
];
