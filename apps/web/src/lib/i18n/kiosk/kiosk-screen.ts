import type { uzKioskScreen } from "./kiosk-screen.uz";

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Shape every translation of the kiosk's texts must match. */
export type KioskScreenMessages = Widen<typeof uzKioskScreen>;
