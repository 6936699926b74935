import { useEffect } from "react";
import { useLocation } from "react-router";
import { getHostCompany } from "../../lib/company-host";
import { NotFoundPage } from "../routes/not-found-page";
import { faceOfPath, type Face } from "@equeue/contracts";

/**
 * A link or redirect to another face's path (the portal's "admin" link, a kiosk code used on a
 * board's address) cannot be rendered here: that face's code is not in this bundle, so the
 * browser loads its page. A path no face knows is a 404.
 */
export function OtherFaceOrNotFound({ face }: { face: Face }) {
  const location = useLocation();
  const target = faceOfPath(location.pathname, getHostCompany() !== null);
  const elsewhere = target !== face;
  useEffect(() => {
    if (elsewhere) window.location.replace(location.pathname + location.search + location.hash);
  }, [elsewhere, location]);
  return elsewhere ? null : <NotFoundPage />;
}
