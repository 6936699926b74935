/**
 * A server-side shape as it arrives in the browser: JSON (HTTP) and socket.io both turn a `Date`
 * into its ISO string. The server's DTOs carry `Date`s; the web reads `Wire<Dto>`.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
