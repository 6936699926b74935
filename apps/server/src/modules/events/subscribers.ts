import type { QueuePublisher } from "../queue";
import type { DurableSubscriber, LiveSubscriber } from "./events.types";
import { notificationsSubscriber, type NotificationOptions } from "../notifications";
import { reportRollupSubscriber } from "../reports";
import {
  indexTickets,
  ticketIndexSubscriber,
  type CustomerTicketsNotifier,
} from "./ticket-index.subscriber";

/**
 * Who hears of committed queue changes. Adding a side effect is one line here; a durable one
 * starts from the beginning of each company's event log (its cursor row is created on its first delivery).
 */
export const durableSubscribers: DurableSubscriber[] = [
  ticketIndexSubscriber,
  reportRollupSubscriber,
];

/** The same, with the ticket index telling signed-in customers when their tickets change. */
export const durableSubscribersWith = (customers: CustomerTicketsNotifier): DurableSubscriber[] => [
  indexTickets(customers),
  reportRollupSubscriber,
];

/** The durable subscribers that need the platform's settings (links to the public address). */
export const configuredSubscribers = (opts: NotificationOptions): DurableSubscriber[] => [
  notificationsSubscriber(opts),
];

/** The realtime gateway first: fed in process with the facts, so screens update at once. */
export const liveSubscribers = (realtime: QueuePublisher): LiveSubscriber[] => [
  { name: "realtime", deliver: (company, facts) => realtime.publish(company, facts) },
];
