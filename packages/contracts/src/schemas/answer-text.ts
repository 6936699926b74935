/**
 * The longest each kind of answer text can be, written on the answer schemas (and so in the
 * OpenAPI documents): the bound of the input that stored the value, or of what the server makes.
 * A bound covers every input it names, so it is the largest of them.
 */
export const TEXT_MAX = {
  /** Row ids are uuids (or a counter's digits). */
  id: 36,
  /** A call on a board: its ticket's uuid, recall count and call time (`<uuid>:<n>:<ms>`). */
  callId: 80,
  /** An audit row's target: an id or a company slug. */
  targetId: 63,
  /** A company's slug (a DNS label, 40 on input) or a branch's (40). */
  slug: 63,
  /** A branch code (40), a service code (20), a pairing code. */
  code: 40,
  /** A service's letter (1–2 capitals); a kiosk series is letters too. */
  letter: 4,
  /** A ticket's label (`KR-1234`, a booking's `B-…`), made by the server. */
  label: 32,
  /** Names: a company (120), a staff member (120), a device, a counter (60). */
  name: 120,
  /** A customer's name as given when taking a ticket or booking (100). */
  personName: 100,
  /** An e-mail address (254). */
  email: 254,
  /** A phone number, E.164 or masked for display. */
  phone: 32,
  /** A company's or branch's address (300). */
  address: 300,
  /** A company's description (1000), a translated text's longest input (a description). */
  description: 1000,
  /** A webhook endpoint's description (200), an exception's note (200). */
  note: 200,
  /** What the operator noted on finishing or transferring a ticket (1000). */
  outcomeNote: 1000,
  /** A short code word (a status, role, channel, action, event type, step). */
  word: 64,
  /** `#RRGGBB`. */
  color: 7,
  /** An IANA time zone (64). */
  timeZone: 64,
  /** A local day, `YYYY-MM-DD`. */
  day: 10,
  /** A local time, `HH:MM`. */
  time: 5,
  /** A ticket's or booking's tracking token (at most 128 characters are accepted). */
  token: 128,
  /** A path or URL the server makes (a logo, a tracking page, a calendar file, a link). */
  path: 500,
  /** A webhook's address (2000 on input). */
  url: 2000,
  /** A reason or message the server writes (why a branch is closed, a refusal). */
  message: 1000,
  /** An error kept from a failed send, step or migration (cut to 2000 where stored). */
  error: 2000,
  /** A signed access token (a JWS of a few claims), a device's token, a key's secret. */
  secret: 4096,
  /** A kiosk's offline block proof (a digest; 100 on the way back in). */
  proof: 100,
  /** A client address (an IPv6 address is at most 45) or a request id. */
  ip: 45,
  requestId: 128,
  /** A customer's comment on a rating (500). */
  comment: 500,
  /** A notification template (1000 on input). */
  template: 1000,
  /** A template's preview: its placeholders replaced by sample values (each far under 10×). */
  preview: 10_000,
  /** A translated name, address or description: the longest input of them (a description). */
  translated: 1000,
  /** What the board says aloud ("Ticket K-12, counter 3"), made by the server. */
  spoken: 500,
  /** An ISO instant as sent (`2026-03-10T14:00:00.000+05:00`), fractions of a second included. */
  instant: 40,
  /** An outgoing message's subject and text, as the Super Admin's outbox list shows them. */
  subject: 500,
  body: 10_000,
} as const;

/**
 * The longest value a fixed pattern lets through (`HH:MM` is 5), written on the schema for the
 * OpenAPI document; the pattern is what checks it, so a too-long value is refused by it alone.
 */
export const patternBound = (maxLength: number) => ({ maxLength });
