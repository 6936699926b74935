import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Alert } from "../../../../components/ui/alert";
import { buttonClass } from "../../../../components/ui/button";
import { PageHeader } from "../../../../components/ui/page-header";
import { BranchesTable } from "../../../../features/company-setup/components/branches/branches-table";
import { useBranches } from "../../../../features/company-setup/hooks/use-branches";
import { SearchableList } from "../../../../features/company-setup/components/searchable-list";
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
      <SearchableList
        pending={branches.isPending}
        isEmpty={isEmptyCompany}
        empty={{
          title: t("setup.branches.empty"),
          hint: t("setup.branches.emptyHint"),
          action: isAdmin ? newLink : undefined,
        }}
        search={{
          id: "branch-search",
          label: t("setup.branches.searchLabel"),
          value: search,
          onChange: setSearch,
        }}
        hasResults={items.length > 0}
      >
        <BranchesTable branches={items} base={base} />
      </SearchableList>
    </>
  );
}
