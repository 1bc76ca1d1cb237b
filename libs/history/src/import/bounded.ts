/**
 * Runs async jobs, at most `limit` at a time. The first failure is kept and rethrown by the next
 * `start` or by `done`, after which no new job starts; no rejection is left unhandled.
 */
export class Bounded {
  private readonly running = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;

  constructor(private readonly limit: number) {}

  /** Waits for a free slot, then starts `job` (without waiting for it). */
  async start(job: () => Promise<void>): Promise<void> {
    while (this.running.size >= Math.max(1, this.limit)) await Promise.race(this.running);
    this.rethrow();
    const tracked: Promise<void> = job()
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }

  /** Waits for every started job; rethrows the first failure. */
  async done(): Promise<void> {
    await Promise.all(this.running);
    this.rethrow();
  }

  private rethrow(): void {
    if (this.failure) throw this.failure.error;
  }
}
