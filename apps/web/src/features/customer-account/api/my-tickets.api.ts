import type {
  CancelledTicketDto,
  ChannelsDto,
  ChannelsInput,
  ChannelsResponseDto,
  MyTicketDto,
  MyTicketsDto,
  Wire,
} from "@equeue/contracts";
import { customerSession } from "../../../lib/auth/customer-session";

/** One of my tickets, in any company (`GET /api/customer/tickets`). */
export type MyTicket = Wire<MyTicketDto>;

export type MyTickets = Wire<MyTicketsDto>;

export const fetchMyTickets = () => customerSession.request<MyTickets>("/tickets");

export const cancelMyTicket = (ticketId: string) =>
  customerSession.request<Wire<CancelledTicketDto>>(
    `/tickets/${encodeURIComponent(ticketId)}/cancel`,
    { method: "POST" },
  );

export type AccountChannels = ChannelsDto;

/** Which channels tell me about all my tickets. */
export const fetchAccountChannels = () => customerSession.request<ChannelsResponseDto>("/channels");

/** Turns channels off or on for every ticket of my phone. */
export const setAccountChannels = (on: ChannelsInput) =>
  customerSession.request<ChannelsResponseDto>("/channels", { method: "PUT", body: on });
