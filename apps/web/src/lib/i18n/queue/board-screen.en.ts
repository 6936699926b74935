import type { Messages } from "../uz";

/**
 * What the display board shows — English. Part of the queue texts, but loaded alone on the
 * board so the operator's and the live ticket's texts stay out of its bundle.
 */
export const enBoardScreen: Pick<Messages["queue"], "counterName" | "board"> = {
  counterName: "Counter {{number}}",
  board: {
    nowCalling: "Now calling",
    ticket: "Ticket",
    counter: "Counter",
    noCalls: "No calls yet",
    noEarlierCalls: "Earlier calls appear here",
    waitingTitle: "Waiting",
    people_one: "{{count}} waiting",
    people_other: "{{count}} waiting",
    offline: "Offline — reconnecting…",
    enableSound: "Turn on sound",
    enableSoundHint: "Press once so that calls are announced aloud.",
    announcement: "{{label}} — {{counter}}",
    loadError: "Could not load the board. Retrying…",
  },
};
