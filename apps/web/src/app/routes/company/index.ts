export { ChangePasswordPage } from "./change-password-page";
export { CompanyLayout } from "./company-layout";
export { CompanyLoginPage } from "./company-login-page";
