import { Navigate, createBrowserRouter, type RouteObject } from "react-router";
import { getHostCompany } from "../lib/company-host";
import { platformSession } from "../lib/auth/sessions";
import { RequireSession } from "./require-session";
import { AdminLayout } from "./routes/admin/admin-layout";
import { AuditPage } from "./routes/admin/audit-page";
import { CompaniesPage } from "./routes/admin/companies-page";
import { CompanyEditPage, CompanyNewPage } from "./routes/admin/company-form-pages";
import { CompanyPage } from "./routes/admin/company-page";
import { AdminLoginPage } from "./routes/admin/login-page";
import { OutboxPage } from "./routes/admin/outbox-page";
import { ChangePasswordPage } from "./routes/company/change-password-page";
import { CompanyDashboardPage } from "./routes/company/company-dashboard-page";
import { CompanyLayout } from "./routes/company/company-layout";
import { CompanyLoginPage } from "./routes/company/company-login-page";
import { NotFoundPage } from "./routes/not-found-page";
import { PortalPage } from "./routes/portal-page";

/** The company admin pages, mounted under `/c/:slug` and, on a company host, at the root. */
const companyAdminRoutes: RouteObject[] = [
  { path: "admin", element: <CompanyDashboardPage /> },
  { path: "admin/login", element: <CompanyLoginPage /> },
  { path: "admin/change-password", element: <ChangePasswordPage /> },
];

const superAdminRoutes: RouteObject[] = [
  { path: "/admin/login", element: <AdminLoginPage /> },
  {
    path: "/admin",
    element: (
      <RequireSession session={platformSession} loginPath="/admin/login">
        <AdminLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <Navigate to="/admin/companies" replace /> },
      { path: "companies", element: <CompaniesPage /> },
      { path: "companies/new", element: <CompanyNewPage /> },
      { path: "companies/:id", element: <CompanyPage /> },
      { path: "companies/:id/edit", element: <CompanyEditPage /> },
      { path: "outbox", element: <OutboxPage /> },
      { path: "audit", element: <AuditPage /> },
    ],
  },
];

export function createAppRouter() {
  const hostCompany = getHostCompany();
  const routes: RouteObject[] = [
    { path: "/", element: <PortalPage /> },
    { path: "/c/:slug", element: <CompanyLayout />, children: companyAdminRoutes },
    // On `{slug}.{BASE_DOMAIN}`, `/admin` is the company's panel, not the platform's.
    ...(hostCompany
      ? [{ path: "/", element: <CompanyLayout />, children: companyAdminRoutes }]
      : superAdminRoutes),
    { path: "*", element: <NotFoundPage /> },
  ];
  return createBrowserRouter(routes);
}
