import { adminRequest } from "./admin-request";
import type { Branding, Overview } from "./types";

export const getOverview = (slug: string) => adminRequest<Overview>(slug, "/overview");

export const requestActivation = (slug: string) =>
  adminRequest<{ readyRequestedAt: string }>(slug, "/ready", { method: "POST" });

export const getBranding = (slug: string) => adminRequest<Branding>(slug, "/branding");

export const setPrimaryColor = (slug: string, primaryColor: string | null) =>
  adminRequest<Branding>(slug, "/branding", { method: "PATCH", body: { primaryColor } });
