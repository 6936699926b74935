import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { BrandMark } from "../../../components/brand-mark";
import { buttonClass } from "../../../components/ui/button";
import { LanguageSwitch } from "../../../components/ui/language-switch";

/** Friendly page for an unknown, deleted or suspended company. */
export function CompanyUnavailable({ reason }: { reason: "suspended" | "not-found" }) {
  const { t } = useTranslation();
  const suspended = reason === "suspended";
  return (
    <div className="flex min-h-dvh flex-col bg-zinc-50">
      <div className="flex items-center justify-between p-4">
        <BrandMark size="sm" />
        <LanguageSwitch />
      </div>
      <main
        data-testid={suspended ? "company-suspended" : "company-not-found"}
        className="mx-auto flex max-w-md flex-1 flex-col items-center justify-center px-6 pb-24 text-center"
      >
        <div
          aria-hidden="true"
          className={
            suspended
              ? "mb-5 flex size-14 items-center justify-center rounded-full bg-amber-100 text-2xl text-amber-700"
              : "mb-5 flex size-14 items-center justify-center rounded-full bg-zinc-200 text-2xl text-zinc-600"
          }
        >
          {suspended ? "⏸" : "?"}
        </div>
        <h1 className="text-xl font-semibold text-zinc-900">
          {suspended ? t("companyPortal.suspendedTitle") : t("companyPortal.notFoundTitle")}
        </h1>
        <p className="mt-2 text-sm text-zinc-600">
          {suspended ? t("companyPortal.suspendedText") : t("companyPortal.notFoundText")}
        </p>
        <Link to="/" className={`${buttonClass("secondary")} mt-6`}>
          {t("common.goHome")}
        </Link>
      </main>
    </div>
  );
}
