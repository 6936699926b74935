import { Navigate, type RouteObject } from "react-router";
import { getHostCompany } from "../../lib/company-host";
import { companySetupRoutes } from "../routes/company/setup-routes";
import { operatorRoutes } from "../routes/operator/operator-routes";

// Each role's pages load on demand: an operator never downloads the super admin's panel.
const admin = () => import("../routes/admin");
const company = () => import("../routes/company");

/** The company admin pages, mounted under `/c/:slug` and, on a company host, at the root. */
const companyAdminRoutes: RouteObject[] = [
  ...companySetupRoutes,
  { path: "admin/login", lazy: async () => ({ Component: (await company()).CompanyLoginPage }) },
  {
    path: "admin/change-password",
    lazy: async () => ({ Component: (await company()).ChangePasswordPage }),
  },
  ...operatorRoutes,
];

const companyLayout = async () => ({ Component: (await company()).CompanyLayout });

const superAdminRoutes: RouteObject[] = [
  { path: "/admin/login", lazy: async () => ({ Component: (await admin()).AdminLoginPage }) },
  {
    path: "/admin",
    lazy: async () => ({ Component: (await admin()).ProtectedAdminLayout }),
    children: [
      { index: true, element: <Navigate to="/admin/companies" replace /> },
      { path: "companies", lazy: async () => ({ Component: (await admin()).CompaniesPage }) },
      { path: "companies/new", lazy: async () => ({ Component: (await admin()).CompanyNewPage }) },
      { path: "companies/:id", lazy: async () => ({ Component: (await admin()).CompanyPage }) },
      {
        path: "companies/:id/edit",
        lazy: async () => ({ Component: (await admin()).CompanyEditPage }),
      },
      { path: "figures", lazy: async () => ({ Component: (await admin()).FiguresPage }) },
      { path: "outbox", lazy: async () => ({ Component: (await admin()).OutboxPage }) },
      { path: "audit", lazy: async () => ({ Component: (await admin()).AuditPage }) },
    ],
  },
];

/** The staff face: Super Admin (`/admin`), company admin and operator (`/c/{slug}/…`). */
export function staffRoutes(): RouteObject[] {
  return [
    { path: "/c/:slug", lazy: companyLayout, children: companyAdminRoutes },
    // On `{slug}.{BASE_DOMAIN}`, `/admin` is the company's panel, not the platform's.
    ...(getHostCompany()
      ? [{ path: "/", lazy: companyLayout, children: companyAdminRoutes }]
      : superAdminRoutes),
  ];
}
