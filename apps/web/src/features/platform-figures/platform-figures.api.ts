import { platformSession } from "../../lib/auth/sessions";

type Kinds = { DISPLAY: number; KIOSK: number };

/** The Super Admin's platform figures (`GET /api/platform/figures`). */
export type PlatformFigures = {
  at: string;
  companies: {
    byStatus: Record<"INACTIVE" | "ACTIVE" | "SUSPENDED" | "DELETED", number>;
    total: number;
  };
  tickets: {
    from: string;
    days: { day: string; tickets: number; served: number }[];
    unreadCompanies: { companyId: string; slug: string }[];
  };
  devices: { paired: Kinds; online: Kinds };
  outbox: {
    channel: string;
    pending: number;
    failed: number;
    oldestPendingSeconds: number | null;
  }[];
};

export const fetchPlatformFigures = (days: number) =>
  platformSession.request<PlatformFigures>(`/figures?days=${days}`);
