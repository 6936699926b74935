// The realtime module's entry: what other modules may use.
export { eachLimited } from "./realtime.publish";
