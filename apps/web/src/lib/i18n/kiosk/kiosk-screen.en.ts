import type { KioskScreenMessages } from "./kiosk-screen";

/** The virtual kiosk's screens and receipt — English. */
export const enKioskScreen: KioskScreenMessages = {
  welcome: "Welcome!",
  chooseLanguage: "Choose a language",
  start: "Get a ticket",
  chooseService: "Choose a service",
  waiting: "Waiting: {{count}}",
  operators: "Operators: {{count}}",
  waitRange: "Wait: {{low}}–{{high}} min",
  waitNone: "No wait",
  noOperators: "No operator right now",
  closed: {
    CLOSED_TODAY: "The branch is closed today",
    OUTSIDE_HOURS: "Outside working hours",
    DAILY_LIMIT: "No more tickets today",
    OFFLINE: "No connection: not available now",
  },
  noServices: "This kiosk has no services right now. Please ask a member of staff.",
  back: "Back",
  home: "Start",
  offline: "No connection to the server — tickets cannot be issued. Please ask a member of staff.",
  offlineIssuing:
    "No connection to the server — tickets are issued offline and your place is kept.",
  details: {
    title: "Name and phone number",
    hint: "Optional: you get a ticket without them too.",
    name: "Your name",
    phone: "Your phone number",
    letters: "Letter keyboard",
    digits: "Number keypad",
    erase: "Erase",
    clear: "Clear",
    space: "Space",
    skip: "Without a name",
    submit: "Get a ticket",
    phoneIncomplete: "Enter the whole number or clear it.",
    issuing: "Preparing your ticket…",
  },
  ticket: {
    title: "Your ticket number",
    ahead: "{{count}} people ahead",
    aheadNone: "Nobody ahead of you",
    eta: "About {{low}}–{{high}} min",
    etaNone: "You will be called soon",
    scan: "Scan the QR code to follow the queue on your phone",
    qr: "QR code of the ticket's tracking link",
    print: "Print",
    done: "Done",
    backIn: "Back to the start in {{seconds}} s",
    offlineNote:
      "Issued offline: your place is kept and joins the queue when the connection returns.",
  },
  receipt: {
    issued: "Issued",
    footer: "Watch the display board for your number. Thank you!",
  },
};
