import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Alert } from "../../../../components/ui/alert";
import { buttonClass } from "../../../../components/ui/button";
import { EmptyState } from "../../../../components/ui/empty-state";
import { PageHeader } from "../../../../components/ui/page-header";
import { Pagination } from "../../../../components/ui/pagination";
import { Select } from "../../../../components/ui/select";
import { PageSpinner } from "../../../../components/ui/spinner";
import { STAFF_ROLES, type StaffRole } from "../../../../features/company-setup/api/types";
import { SearchBox } from "../../../../features/company-setup/components/search-box";
import { StaffTable } from "../../../../features/company-setup/components/staff/staff-table";
import { useBranches } from "../../../../features/company-setup/hooks/use-branches";
import { useServices } from "../../../../features/company-setup/hooks/use-services";
import { useStaffList } from "../../../../features/company-setup/hooks/use-staff";
import { useErrorMessage } from "../../../../lib/errors";
import { useDebouncedValue } from "../../../../lib/use-debounced-value";
import { useSetupContext } from "./setup-context";

const toRole = (v: string): StaffRole | "" => STAFF_ROLES.find((r) => r === v) ?? "";

export function StaffPage() {
  const { t } = useTranslation();
  const { slug, adminBase } = useSetupContext();
  const errorMessage = useErrorMessage();
  const [search, setSearch] = useState("");
  const [role, setRole] = useState<StaffRole | "">("");
  const [page, setPage] = useState(1);
  const query = useDebouncedValue(search.trim());
  const list = useStaffList(slug, {
    search: query || undefined,
    role: role || undefined,
    page,
    pageSize: 20,
  });
  const branches = useBranches(slug);
  const services = useServices(slug);
  const filtered = Boolean(query || role);
  const items = list.data?.items ?? [];
  const newLink = (
    <Link to={`${adminBase}/staff/new`} className={buttonClass("primary")}>
      + {t("setup.staff.new")}
    </Link>
  );
  // The admin who is reading this is always in the list; alone, the company has no staff yet.
  const onlyMe = !filtered && (list.data?.total ?? 0) <= 1;

  return (
    <>
      <PageHeader
        title={t("setup.staff.title")}
        subtitle={t("setup.staff.subtitle")}
        actions={newLink}
      />
      {list.isError && <Alert tone="error">{errorMessage(list.error)}</Alert>}
      <div className="mb-4 flex flex-wrap gap-3">
        <SearchBox
          id="staff-search"
          label={t("setup.staff.searchLabel")}
          value={search}
          onChange={(value) => {
            setSearch(value);
            setPage(1);
          }}
          placeholder={t("setup.staff.searchPlaceholder")}
        />
        <div className="w-56">
          <label htmlFor="staff-role-filter" className="sr-only">
            {t("setup.staff.roleFilter")}
          </label>
          <Select
            id="staff-role-filter"
            value={role}
            onChange={(e) => {
              setRole(toRole(e.target.value));
              setPage(1);
            }}
          >
            <option value="">{t("setup.staff.allRoles")}</option>
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`setup.staff.rolesPlural.${r}`)}
              </option>
            ))}
          </Select>
        </div>
      </div>
      {list.isPending ? (
        <PageSpinner />
      ) : items.length === 0 ? (
        <EmptyState title={t("setup.common.noResults")} hint={t("setup.common.noResultsHint")} />
      ) : (
        <>
          <StaffTable
            slug={slug}
            staff={items}
            branches={branches.data ?? []}
            services={services.data ?? []}
            adminBase={adminBase}
          />
          {onlyMe && (
            <div className="mt-4">
              <EmptyState
                title={t("setup.staff.empty")}
                hint={t("setup.staff.emptyHint")}
                action={newLink}
              />
            </div>
          )}
          {list.data && list.data.total > list.data.pageSize && (
            <Pagination
              page={page}
              pageSize={list.data.pageSize}
              total={list.data.total}
              onPageChange={setPage}
            />
          )}
        </>
      )}
    </>
  );
}
