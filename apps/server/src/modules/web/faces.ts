/**
 * The web app's four pages ("faces"), each with its own bundle: which one answers a path.
 * Mirrors `apps/web/src/app/faces/face-of-path.ts` (the browser's copy, which reloads the page
 * when a link leads to another face) — keep the two in step.
 */
export type Face = "portal" | "staff" | "kiosk" | "board";

export const FACE_HTML: Record<Face, string> = {
  portal: "index.html",
  staff: "staff.html",
  kiosk: "kiosk.html",
  board: "board.html",
};

/** `onCompanyHost`: `{slug}.{BASE_DOMAIN}`, where a company's pages live at the root. */
export function faceOfPath(pathname: string, onCompanyHost: boolean): Face {
  const [first = "", , third = ""] = pathname.split("/").filter(Boolean);
  if (first === "k") return "kiosk";
  if (first === "d") return "board";
  if (first === "admin") return "staff";
  if (first === "c") return ["", "t", "b"].includes(third) ? "portal" : "staff";
  if (onCompanyHost && first === "operator") return "staff";
  return "portal";
}
