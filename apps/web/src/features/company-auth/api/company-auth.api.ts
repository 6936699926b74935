import type { AuthSessionDto, ChangePasswordInput, CompanyInfoDto } from "@equeue/contracts";
import { requestJson } from "../../../lib/api/http";
import { getCompanySession, type CompanyUser } from "../../../lib/auth/sessions";
import { companyApiBase } from "../../../lib/company-host";

export type CompanyInfo = CompanyInfoDto;

export const getCompanyInfo = (slug: string) =>
  requestJson<CompanyInfo>(`${companyApiBase(slug)}/info`);

export async function changePassword(
  slug: string,
  body: ChangePasswordInput,
): Promise<CompanyUser> {
  const session = getCompanySession(slug);
  const answer = await session.request<AuthSessionDto>("/auth/change-password", {
    method: "POST",
    body,
  });
  return session.adopt(answer);
}
