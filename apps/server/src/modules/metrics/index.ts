export { PlatformMetrics, COUNTING_SUBSCRIBER } from "./platform-metrics";
export type { MetricSources, PoolStats } from "./platform-metrics";
