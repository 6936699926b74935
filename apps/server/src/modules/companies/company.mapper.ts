import type { CompanyRecord } from "../tenancy";
import { companyUrls, type PlatformAddress } from "../tenancy";
import type { CompanyDto } from "./company.schema";

export const logoUrl = (logoId: string | null) => (logoId ? `/api/files/logos/${logoId}` : null);

/** The API's view of a company row. */
export function toCompanyDto(ctx: PlatformAddress, c: CompanyRecord): CompanyDto {
  return {
    id: c.id,
    name: c.name,
    slug: c.slug,
    status: c.status,
    adminEmail: c.admin_email,
    phone: c.phone,
    address: c.address,
    description: c.description,
    defaultLanguage: c.default_language,
    logoId: c.logo_id,
    logoUrl: logoUrl(c.logo_id),
    schemaVersion: c.schema_version,
    migrationError: c.migration_error,
    readyRequestedAt: c.ready_requested_at,
    activatedAt: c.activated_at,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    urls: companyUrls(ctx, c.slug),
    provisioning: { steps: c.provisioning },
  };
}
