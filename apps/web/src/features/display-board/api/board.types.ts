import type { LocalizedText } from "../../../lib/localized";

/** One call on the board: a ticket sent to a counter (a recall is a new call of the same ticket). */
export type BoardCall = {
  /** Ticket id + call time: a recall of the same ticket is a new call to announce. */
  key: string;
  ticketId: string;
  label: string;
  counter: number;
  calledAt: string;
  serviceName: LocalizedText;
};

export type BoardService = { id: string; name: LocalizedText; waiting: number };

export type BoardBranding = {
  companyName: string;
  branchName: LocalizedText;
  logoUrl: string | null;
  /** The company's colour "#RRGGBB", or null: the board keeps its own indigo. */
  primaryColor: string | null;
};

/** Everything the board shows, as the server's snapshot gives it. */
export type BoardSnapshot = {
  branding: BoardBranding;
  calls: BoardCall[];
  services: BoardService[];
};
