// The counters module's entry: what other modules may use.
export { findCounter } from "./counter.repository";
