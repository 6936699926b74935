// The reports module's entry: what other modules may use (its routes are mounted by app.ts).
export { reportRollupSubscriber } from "./rollup.subscriber";
