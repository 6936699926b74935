import type { RouteObject } from "react-router";
import { getHostCompany } from "../../lib/company-host";
import { PortalPage } from "../routes/portal-page";

const companyLayout = async () => ({
  Component: (await import("../routes/company/company-layout")).CompanyLayout,
});
const trackRoute: RouteObject = {
  path: "t/:token",
  lazy: async () => ({
    Component: (await import("../routes/track/ticket-tracking-page")).TicketTrackingPage,
  }),
};

/** The public face: the portal at `/` and a customer's live ticket (`/c/{slug}/t/{token}`). */
export function portalRoutes(): RouteObject[] {
  return [
    { path: "/", element: <PortalPage /> },
    { path: "/c/:slug", lazy: companyLayout, children: [trackRoute] },
    // On `{slug}.{BASE_DOMAIN}` the live ticket is at `/t/{token}`.
    ...(getHostCompany() ? [{ path: "/", lazy: companyLayout, children: [trackRoute] }] : []),
  ];
}
