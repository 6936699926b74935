import { platformSession } from "../../../lib/auth/sessions";
import { RequireSession } from "../../require-session";
import { AdminLayout } from "./admin-layout";

export { AuditPage } from "./audit-page";
export { CompaniesPage } from "./companies-page";
export { CompanyEditPage, CompanyNewPage } from "./company-form-pages";
export { CompanyPage } from "./company-page";
export { FiguresPage } from "./figures-page";
export { AdminLoginPage } from "./login-page";
export { OutboxPage } from "./outbox-page";

/** The Super Admin shell, for a signed-in Super Admin only. */
export function ProtectedAdminLayout() {
  return (
    <RequireSession session={platformSession} loginPath="/admin/login">
      <AdminLayout />
    </RequireSession>
  );
}
