/**
 * Samples the process's resident set size every `intervalMs` and keeps the peak. The kernel's
 * own high-water mark (`resourceUsage().maxRSS`, KiB, lifetime of the process) is taken too, so a
 * spike between two samples is not missed.
 */
export class RssSampler {
  private peakBytes = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly intervalMs = 100) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
    return this;
  }

  sample(): void {
    this.peakBytes = Math.max(this.peakBytes, process.memoryUsage().rss);
  }

  stop(): { sampled_peak_rss_mb: number; max_rss_mb: number; peak_rss_mb: number } {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sample();
    const sampled = this.peakBytes / 1024 / 1024;
    const maxRss = process.resourceUsage().maxRSS / 1024; // KiB -> MiB
    const r = (v: number) => Math.round(v * 10) / 10;
    return {
      sampled_peak_rss_mb: r(sampled),
      max_rss_mb: r(maxRss),
      peak_rss_mb: r(Math.max(sampled, maxRss)),
    };
  }
}
