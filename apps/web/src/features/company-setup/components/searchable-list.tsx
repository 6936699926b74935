import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../../components/ui/empty-state";
import { PageSpinner } from "../../../components/ui/spinner";
import { SearchBox } from "./search-box";

type Props = {
  pending: boolean;
  /** Nothing exists yet (not merely nothing matches): say what to create first. */
  isEmpty: boolean;
  empty: { title: string; hint: string; action?: ReactNode };
  search: { id: string; label: string; value: string; onChange: (value: string) => void };
  /** Something matches the search; otherwise a "no results" note replaces the children. */
  hasResults: boolean;
  children: ReactNode;
};

/** The body of a set-up list page: first-time empty state, or a search box over the list. */
export function SearchableList(props: Props) {
  const { t } = useTranslation();
  if (props.pending) return <PageSpinner />;
  if (props.isEmpty) return <EmptyState {...props.empty} />;
  return (
    <>
      <div className="mb-4 flex max-w-md">
        <SearchBox {...props.search} placeholder={t("setup.common.searchPlaceholder")} />
      </div>
      {props.hasResults ? (
        props.children
      ) : (
        <EmptyState title={t("setup.common.noResults")} hint={t("setup.common.noResultsHint")} />
      )}
    </>
  );
}
