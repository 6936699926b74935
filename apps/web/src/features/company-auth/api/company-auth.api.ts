import { requestJson } from "../../../lib/api/http";
import { getCompanySession, type CompanyUser } from "../../../lib/auth/sessions";
import { companyApiBase } from "../../../lib/company-host";

export type CompanyInfo = {
  name: string;
  slug: string;
  logoUrl: string | null;
  defaultLanguage: string;
  status: string;
};

export const getCompanyInfo = (slug: string) =>
  requestJson<CompanyInfo>(`${companyApiBase(slug)}/info`);

export async function changePassword(
  slug: string,
  body: { currentPassword: string; newPassword: string },
): Promise<CompanyUser> {
  const session = getCompanySession(slug);
  const answer = await session.request<{ accessToken: string; user: CompanyUser }>(
    "/auth/change-password",
    { method: "POST", body },
  );
  return session.adopt(answer);
}
