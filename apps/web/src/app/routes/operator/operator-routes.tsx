import type { RouteObject } from "react-router";

const operator = () => import("./index");
const track = () => import("../track/ticket-tracking-page");

/**
 * Queue pages mounted beside the company admin pages under `/c/:slug` (or the host root): the
 * operator workplace and a customer's live ticket.
 */
export const operatorRoutes: RouteObject[] = [
  { path: "operator", lazy: async () => ({ Component: (await operator()).OperatorPage }) },
  { path: "t/:token", lazy: async () => ({ Component: (await track()).TicketTrackingPage }) },
];
