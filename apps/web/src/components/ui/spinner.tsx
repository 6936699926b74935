import { useTranslation } from "react-i18next";
import { cn } from "../../lib/cn";

export function Spinner({ size = "md", className }: { size?: "sm" | "md"; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "inline-block animate-spin rounded-full border-2 border-current border-r-transparent",
        size === "sm" ? "size-3.5" : "size-5",
        className,
      )}
    />
  );
}

/** A centred "loading" state with an accessible label. */
export function PageSpinner() {
  const { t } = useTranslation();
  return (
    <div role="status" className="flex items-center justify-center gap-3 py-16 text-zinc-500">
      <Spinner />
      <span className="text-sm">{t("common.loading")}</span>
    </div>
  );
}
