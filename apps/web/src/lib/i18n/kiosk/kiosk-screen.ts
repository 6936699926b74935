import type { Widen } from "../widen";
import type { uzKioskScreen } from "./kiosk-screen.uz";

/** Shape every translation of the kiosk's texts must match. */
export type KioskScreenMessages = Widen<typeof uzKioskScreen>;
