import { requestJson } from "../../../lib/api/http";

export type PublicCompany = {
  name: string;
  slug: string;
  logoUrl: string | null;
  description: string | null;
};

export const listPublicCompanies = () =>
  requestJson<{ items: PublicCompany[] }>("/api/public/companies");
