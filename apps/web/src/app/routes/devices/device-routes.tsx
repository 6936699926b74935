import type { RouteObject } from "react-router";

/**
 * Screens that stand in a branch, paired with a one-time code: the kiosk and the display board.
 * The display engineer owns the board itself (`../display`); this file only wires the gate.
 */
export const deviceRoutes: RouteObject[] = [
  {
    path: "/k/:slug/:branch",
    lazy: async () => ({ Component: (await import("./kiosk-page")).KioskPage }),
  },
  {
    path: "/d/:slug/:branch",
    lazy: async () => ({ Component: (await import("./display-page")).DisplayPage }),
  },
];
