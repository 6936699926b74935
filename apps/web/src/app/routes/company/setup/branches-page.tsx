import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Alert } from "../../../../components/ui/alert";
import { buttonClass } from "../../../../components/ui/button";
import { EmptyState } from "../../../../components/ui/empty-state";
import { PageHeader } from "../../../../components/ui/page-header";
import { PageSpinner } from "../../../../components/ui/spinner";
import { BranchesTable } from "../../../../features/company-setup/components/branches/branches-table";
import { useBranches } from "../../../../features/company-setup/hooks/use-branches";
import { SearchBox } from "../../../../features/company-setup/components/search-box";
import { useErrorMessage } from "../../../../lib/errors";
import { useDebouncedValue } from "../../../../lib/use-debounced-value";
import { useSetupContext } from "./setup-context";

export function BranchesPage() {
  const { t } = useTranslation();
  const { slug, base, adminBase, isAdmin } = useSetupContext();
  const [search, setSearch] = useState("");
  const query = useDebouncedValue(search.trim());
  const branches = useBranches(slug, query ? { search: query } : {});
  const errorMessage = useErrorMessage();
  const newLink = (
    <Link to={`${adminBase}/branches/new`} className={buttonClass("primary")}>
      + {t("setup.branches.new")}
    </Link>
  );

  const items = branches.data ?? [];
  const isEmptyCompany = !query && items.length === 0;
  return (
    <>
      <PageHeader
        title={t("setup.branches.title")}
        subtitle={t("setup.branches.subtitle")}
        actions={isAdmin && !isEmptyCompany ? newLink : undefined}
      />
      {branches.isError && <Alert tone="error">{errorMessage(branches.error)}</Alert>}
      {branches.isPending ? (
        <PageSpinner />
      ) : isEmptyCompany ? (
        <EmptyState
          title={t("setup.branches.empty")}
          hint={t("setup.branches.emptyHint")}
          action={isAdmin ? newLink : undefined}
        />
      ) : (
        <>
          <div className="mb-4 flex max-w-md">
            <SearchBox
              id="branch-search"
              label={t("setup.branches.searchLabel")}
              value={search}
              onChange={setSearch}
              placeholder={t("setup.common.searchPlaceholder")}
            />
          </div>
          {items.length === 0 ? (
            <EmptyState
              title={t("setup.common.noResults")}
              hint={t("setup.common.noResultsHint")}
            />
          ) : (
            <BranchesTable branches={items} base={base} />
          )}
        </>
      )}
    </>
  );
}
