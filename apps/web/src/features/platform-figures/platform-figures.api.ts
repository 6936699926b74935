import type { PlatformFiguresDto, Wire } from "@equeue/contracts";
import { platformSession } from "../../lib/auth/sessions";

/** The Super Admin's platform figures (`GET /api/platform/figures`). */
export type PlatformFigures = Wire<PlatformFiguresDto>;

export const fetchPlatformFigures = (days: number) =>
  platformSession.request<PlatformFigures>(`/figures?days=${days}`);
