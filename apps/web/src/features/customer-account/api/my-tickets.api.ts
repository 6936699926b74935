import type { TicketSource, TicketStatus } from "@equeue/contracts";
import { customerSession } from "../../../lib/auth/customer-session";
import type { LocalizedText } from "../../../lib/localized";

/** One of my tickets, in any company (`GET /api/customer/tickets`). */
export type MyTicket = {
  id: string;
  label: string;
  status: TicketStatus;
  source: TicketSource;
  token: string;
  trackPath: string;
  company: { name: string; slug: string };
  branchName: LocalizedText;
  serviceName: LocalizedText;
  /** The branch's time zone: its times are shown in it. */
  timeZone: string | null;
  appointmentAt: string | null;
  issuedAt: string;
  updatedAt: string;
  canCancel: boolean;
};

export type MyTickets = {
  active: MyTicket[];
  booked: MyTicket[];
  history: MyTicket[];
  totals: { active: number; booked: number; history: number };
};

export const fetchMyTickets = () => customerSession.request<MyTickets>("/tickets");

export const cancelMyTicket = (ticketId: string) =>
  customerSession.request<{ id: string; label: string; status: string }>(
    `/tickets/${encodeURIComponent(ticketId)}/cancel`,
    { method: "POST" },
  );

export type AccountChannels = { sms: boolean; telegram: boolean; push: boolean };

/** Which channels tell me about all my tickets. */
export const fetchAccountChannels = () =>
  customerSession.request<{ on: AccountChannels }>("/channels");

/** Turns channels off or on for every ticket of my phone. */
export const setAccountChannels = (on: Partial<AccountChannels>) =>
  customerSession.request<{ on: AccountChannels }>("/channels", { method: "PUT", body: on });
