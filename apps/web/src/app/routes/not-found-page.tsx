import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { buttonClass } from "../../components/ui/button";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-zinc-50 px-6 text-center">
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-zinc-900">{t("common.notFoundTitle")}</h1>
      <p className="mt-2 text-sm text-zinc-600">{t("common.notFoundText")}</p>
      <Link to="/" className={`${buttonClass("secondary")} mt-6`}>
        {t("common.goHome")}
      </Link>
    </main>
  );
}
