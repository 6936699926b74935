import { useOutletContext } from "react-router";
import type { CompanyContext } from "../company-layout";

export type SetupContext = CompanyContext & {
  /** COMPANY_ADMIN sees everything; a BRANCH_MANAGER its branches. */
  isAdmin: boolean;
  /** `{base}/admin`: prefix of every admin page. */
  adminBase: string;
};

export function useSetupContext(): SetupContext {
  return useOutletContext<SetupContext>();
}
