import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { getHostCompany } from "../../lib/company-host";
import { faceOfPath, type Face } from "@equeue/contracts";
import { renderApp } from "./render-app";

function ScreenNotFound() {
  const { t } = useTranslation();
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-zinc-50 px-6 text-center">
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-zinc-900">{t("common.notFoundTitle")}</h1>
      <p className="mt-2 text-sm text-zinc-600">{t("common.notFoundText")}</p>
    </main>
  );
}

/**
 * A device face (kiosk, display board): one screen at one address, `/k/{slug}/{branch}` or
 * `/d/{slug}/{branch}`, so it needs no router — that keeps the hall screens' download small.
 * Moving elsewhere (a code of another kind or branch) is a page load.
 */
export function mountScreen(
  face: Face,
  prefix: "k" | "d",
  screen: (params: { slug: string; branch: string }) => ReactNode,
): void {
  const { pathname, search, hash } = window.location;
  const match = new RegExp(`^/${prefix}/([^/]+)/([^/]+)/?$`).exec(pathname);
  if (match) {
    const [, slug = "", branch = ""] = match.map((part) => decodeURIComponent(part));
    renderApp(screen({ slug, branch }));
    return;
  }
  if (faceOfPath(pathname, getHostCompany() !== null) !== face) {
    window.location.replace(pathname + search + hash);
    return;
  }
  renderApp(<ScreenNotFound />);
}
