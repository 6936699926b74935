import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Alert } from "../../../../components/ui/alert";
import { buttonClass } from "../../../../components/ui/button";
import { PageHeader } from "../../../../components/ui/page-header";
import { ServicesTable } from "../../../../features/company-setup/components/services/services-table";
import { useBranches } from "../../../../features/company-setup/hooks/use-branches";
import { useServices } from "../../../../features/company-setup/hooks/use-services";
import { SearchableList } from "../../../../features/company-setup/components/searchable-list";
import { useErrorMessage } from "../../../../lib/errors";
import { useLocalized } from "../../../../lib/localized";
import { useSetupContext } from "./setup-context";

export function ServicesPage() {
  const { t } = useTranslation();
  const { slug, adminBase, isAdmin } = useSetupContext();
  const services = useServices(slug);
  const branches = useBranches(slug);
  const errorMessage = useErrorMessage();
  const local = useLocalized();
  const [search, setSearch] = useState("");
  const all = services.data ?? [];
  const needle = search.trim().toLowerCase();
  const items = needle
    ? all.filter((s) =>
        [local(s.name), s.name.uz, s.letter, s.code].some((v) => v.toLowerCase().includes(needle)),
      )
    : all;
  const newLink = (
    <Link to={`${adminBase}/services/new`} className={buttonClass("primary")}>
      + {t("setup.services.new")}
    </Link>
  );

  return (
    <>
      <PageHeader
        title={t("setup.services.title")}
        subtitle={t("setup.services.subtitle")}
        actions={isAdmin && all.length > 0 ? newLink : undefined}
      />
      {services.isError && <Alert tone="error">{errorMessage(services.error)}</Alert>}
      <SearchableList
        pending={services.isPending}
        isEmpty={all.length === 0}
        empty={{
          title: t("setup.services.empty"),
          hint: t("setup.services.emptyHint"),
          action: isAdmin ? newLink : undefined,
        }}
        search={{
          id: "service-search",
          label: t("setup.services.searchLabel"),
          value: search,
          onChange: setSearch,
        }}
        hasResults={items.length > 0}
      >
        <ServicesTable services={items} branches={branches.data ?? []} adminBase={adminBase} />
      </SearchableList>
    </>
  );
}
