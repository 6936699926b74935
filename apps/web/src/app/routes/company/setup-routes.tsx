import type { RouteObject } from "react-router";
import { loadMessages } from "../../../lib/i18n";

// The Company Admin panel loads on demand, like every role's pages.
const setup = () => import("./setup");
// The dashboard and reports: their own chunk and texts (charts load later still, on the page).
const reports = async () => {
  const [pages, texts] = await Promise.all([
    import("./reports"),
    import("../../../lib/i18n/bundles/reports"),
  ]);
  await loadMessages(texts.reportsMessages);
  return pages;
};

/** `admin/*` of a company (under `/c/:slug`, or at the root on the company's own host). */
export const companySetupRoutes: RouteObject[] = [
  {
    path: "admin",
    lazy: async () => ({ Component: (await setup()).CompanyAdminLayout }),
    children: [
      { index: true, lazy: async () => ({ Component: (await setup()).OverviewPage }) },
      { path: "branches", lazy: async () => ({ Component: (await setup()).BranchesPage }) },
      { path: "branches/new", lazy: async () => ({ Component: (await setup()).BranchNewPage }) },
      { path: "branches/:id", lazy: async () => ({ Component: (await setup()).BranchPage }) },
      { path: "services", lazy: async () => ({ Component: (await setup()).ServicesPage }) },
      { path: "services/new", lazy: async () => ({ Component: (await setup()).ServiceFormPage }) },
      { path: "services/:id", lazy: async () => ({ Component: (await setup()).ServiceFormPage }) },
      { path: "staff", lazy: async () => ({ Component: (await setup()).StaffPage }) },
      { path: "staff/new", lazy: async () => ({ Component: (await setup()).StaffNewPage }) },
      { path: "staff/:id", lazy: async () => ({ Component: (await setup()).StaffEditPage }) },
      { path: "devices", lazy: async () => ({ Component: (await setup()).DevicesPage }) },
      { path: "dashboard", lazy: async () => ({ Component: (await reports()).FloorPage }) },
      { path: "reports", lazy: async () => ({ Component: (await reports()).ReportsPage }) },
      { path: "ratings", lazy: async () => ({ Component: (await setup()).RatingsPage }) },
      {
        path: "notifications",
        lazy: async () => ({ Component: (await setup()).NotificationsPage }),
      },
      { path: "api-keys", lazy: async () => ({ Component: (await setup()).ApiKeysPage }) },
      { path: "webhooks", lazy: async () => ({ Component: (await setup()).WebhooksPage }) },
      { path: "settings", lazy: async () => ({ Component: (await setup()).BrandingPage }) },
    ],
  },
];
