/**
 * The web app is four pages ("faces"), each with its own entry and bundle, so staff code never
 * reaches a customer's phone, a kiosk or a hall screen. The server answers a path with its face's
 * HTML, the browser reloads when a link leads to another face, and the dev server does as the
 * server: all three use this one rule (two rules that disagreed would reload a page forever).
 */
export const FACES = ["portal", "staff", "kiosk", "board"] as const;
export type Face = (typeof FACES)[number];

/** The HTML file of each face in the build output. */
export const FACE_HTML: Record<Face, string> = {
  portal: "index.html",
  staff: "staff.html",
  kiosk: "kiosk.html",
  board: "board.html",
};

/**
 * Which face shows `pathname`. `onCompanyHost`: the page is on `{slug}.{BASE_DOMAIN}`, where the
 * company's pages live at the root (`/admin`, `/operator`, `/t/{token}`).
 */
export function faceOfPath(pathname: string, onCompanyHost: boolean): Face {
  const [first = "", , third = ""] = pathname.split("/").filter(Boolean);
  if (first === "k") return "kiosk";
  if (first === "d") return "board";
  if (first === "admin") return "staff";
  if (first === "c") return ["", "t", "b"].includes(third) ? "portal" : "staff";
  if (onCompanyHost && first === "operator") return "staff";
  return "portal";
}
