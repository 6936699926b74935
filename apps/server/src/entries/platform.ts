// `@equeue/server/platform`: starting the whole server in-process, as bench/ does. The package's
// exports are the only way bench/ and e2e/ reach the server (eslint enforces it).
export { loadConfig, type Config } from "../config";
export { startPlatform, type Platform, type StartOptions } from "../platform";
