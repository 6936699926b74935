/**
 * A queue of delivery runs with its own budget of database connections: runs of one lane never
 * wait for a connection another lane's runs hold, so the customer-facing subscribers are not
 * held up by the heavy ones (ADR 0004 §3).
 */
export class DispatchLane {
  private readonly waiting: string[] = [];
  private running = 0;

  constructor(
    /** Runs at the same time (each holds one database connection). */
    private readonly concurrency: number,
    private readonly run: (key: string) => Promise<void>,
  ) {}

  get active(): number {
    return this.running;
  }

  push(key: string): void {
    this.waiting.push(key);
    this.pump();
  }

  clear(): void {
    this.waiting.length = 0;
  }

  private pump(): void {
    while (this.running < this.concurrency && this.waiting.length > 0) {
      const key = this.waiting.shift()!;
      this.running++;
      void this.run(key).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }
}
