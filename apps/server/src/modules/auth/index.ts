// The auth module's entry: what other modules may use.
export type { AccountScope } from "./account-scope";
export { authRoutes } from "./auth.routes";
export { generateOneTimePassword, hashPassword } from "../../shared/passwords";
export { REFRESH_COOKIE, cookiePath, setRefreshCookie } from "./auth.routes";
export type { RefreshStore } from "./refresh-tokens";
