import type { RouteObject } from "react-router";
import { getHostCompany } from "../../lib/company-host";
import { loadMessages } from "../../lib/i18n";
import { DirectoryPage } from "../routes/portal/directory-page";

const companyLayout = async () => ({
  Component: (await import("../routes/company/company-layout")).CompanyLayout,
});

/** A company's public pages: its branches, a branch's lines, booking a time, a live ticket. */
const companyChildren: RouteObject[] = [
  {
    index: true,
    lazy: async () => ({
      Component: (await import("../routes/portal/company-portal-page")).CompanyPortalPage,
    }),
  },
  {
    path: "b/:branchSlug",
    lazy: async () => ({
      Component: (await import("../routes/portal/branch-portal-page")).BranchPortalPage,
    }),
  },
  {
    path: "b/:branchSlug/book",
    lazy: async () => {
      const [page, texts] = await Promise.all([
        import("../routes/portal/book-time-page"),
        import("../../lib/i18n/bundles/booking"),
      ]);
      await loadMessages(texts.bookingMessages);
      return { Component: page.BookTimePage };
    },
  },
  {
    path: "t/:token",
    lazy: async () => ({
      Component: (await import("../routes/track/ticket-tracking-page")).TicketTrackingPage,
    }),
  },
];

/** A page of the customer's account, loaded with its texts. */
const accountPage =
  <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  async () => {
    const [page, texts] = await Promise.all([load(), import("../../lib/i18n/bundles/account")]);
    await loadMessages(texts.accountMessages);
    return { Component: page[name] };
  };

/** Signing in, "my tickets", scanning a ticket, and the bare tracking link (platform host only). */
const accountRoutes: RouteObject[] = [
  {
    path: "/scan",
    lazy: async () => ({
      Component: (await import("../routes/portal/scan-ticket-page")).ScanTicketPage,
    }),
  },
  {
    path: "/sign-in",
    lazy: accountPage(() => import("../routes/account/sign-in-page"), "SignInPage"),
  },
  {
    path: "/me",
    lazy: accountPage(() => import("../routes/account/my-tickets-page"), "MyTicketsPage"),
  },
  {
    path: "/t/:token",
    lazy: accountPage(() => import("../routes/account/bare-tracking-page"), "BareTrackingPage"),
  },
];

/** The public face: the directory at `/`, a company's pages at `/c/{slug}/…`. */
export function portalRoutes(): RouteObject[] {
  // On `{slug}.{BASE_DOMAIN}` the company's pages are at the root (`/`, `/b/…`, `/t/{token}`).
  // The customer's account works there too (`/t/{token}` is the company's own ticket page).
  if (getHostCompany())
    return [
      { path: "/", lazy: companyLayout, children: companyChildren },
      // "My tickets" links to other companies' ticket pages by path.
      { path: "/c/:slug", lazy: companyLayout, children: companyChildren },
      ...accountRoutes.filter((r) => r.path !== "/t/:token"),
    ];
  return [
    { path: "/", element: <DirectoryPage /> },
    { path: "/c/:slug", lazy: companyLayout, children: companyChildren },
    ...accountRoutes,
  ];
}
