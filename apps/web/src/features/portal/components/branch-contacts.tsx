import { useTranslation } from "react-i18next";
import { buttonClass } from "../../../components/ui/button";
import type { PublicBranch } from "../api/portal.api";

/**
 * A map link out (no tiles: the page works offline and on a slow phone) and the phone.
 * OpenStreetMap needs no key and opens in the phone's map app or browser.
 */
export function BranchContacts({ branch }: { branch: PublicBranch }) {
  const { t } = useTranslation();
  const hasMap = branch.latitude !== null && branch.longitude !== null;
  if (!hasMap && !branch.phone) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {branch.phone && (
        <a
          href={`tel:${branch.phone.replace(/[^+\d]/g, "")}`}
          className={buttonClass("secondary", "sm")}
        >
          {t("portal.call")} {branch.phone}
        </a>
      )}
      {hasMap && (
        <a
          href={`https://www.openstreetmap.org/?mlat=${branch.latitude}&mlon=${branch.longitude}#map=17/${branch.latitude}/${branch.longitude}`}
          target="_blank"
          rel="noreferrer"
          className={buttonClass("secondary", "sm")}
        >
          {t("portal.map")}
        </a>
      )}
    </div>
  );
}
