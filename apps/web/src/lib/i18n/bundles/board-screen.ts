import type { MessageBundle } from "..";
import { uzBoardScreen } from "../queue/board-screen.uz";

/** The display board's texts, without the operator's and the live ticket's. */
export const boardScreenMessages: MessageBundle = {
  uz: { queue: uzBoardScreen },
  ru: () => import("../queue/board-screen.ru").then((m) => ({ queue: m.ruBoardScreen })),
  en: () => import("../queue/board-screen.en").then((m) => ({ queue: m.enBoardScreen })),
};
