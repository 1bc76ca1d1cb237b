import { EventEmitter } from 'node:events';
import type { EventStore, RecordedEvent, TenantScope } from './event-store.port';
import { START, type Position } from './position';

export interface CatchUpOptions {
  readonly tenant: TenantScope;
  /** Exclusive start; usually the checkpoint the handler committed last. */
  readonly after?: Position;
  readonly eventTypePrefixes?: readonly string[];
  readonly batchSize?: number;
  /** How often to look for new events once caught up (live tail). */
  readonly pollIntervalMs?: number;
  /** Wakes the tail early when this process appended (see {@link AppendSignal}). */
  readonly appendSignal?: AppendSignal;
  /** Commits the batch's effects and checkpoint; the subscription only moves on when it resolves. */
  readonly handle: (events: RecordedEvent[]) => Promise<void>;
  /** Called with a failed batch's error; the batch is retried after `retryDelayMs`. */
  readonly onError?: (error: unknown) => void;
  readonly retryDelayMs?: number;
}

/** In-process "something was appended" signal, so a live tail reacts without waiting for its poll. */
export class AppendSignal {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  notify(): void {
    this.emitter.emit('appended');
  }
  /** Calls `listener` on every notify (e.g. to count appends); returns how to stop. */
  listen(listener: () => void): () => void {
    this.emitter.on('appended', listener);
    return () => this.emitter.off('appended', listener);
  }
  wait(ms: number, abort: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.emitter.off('appended', done);
        abort.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.emitter.once('appended', done);
      abort.addEventListener('abort', done, { once: true });
    });
  }
}

/**
 * Catch-up subscription: reads the global log in batches from a checkpoint, hands each batch
 * to `handle`, then tails the log by polling. Delivery is in log order, at least once; handlers
 * make it exactly-once by committing their checkpoint with their writes.
 */
export class CatchUpSubscription {
  private readonly abort = new AbortController();
  private running?: Promise<void>;
  private last: Position;
  private caughtUpOnce = false;

  constructor(
    private readonly store: EventStore,
    private readonly options: CatchUpOptions,
  ) {
    this.last = options.after ?? START;
  }

  get position(): Position {
    return this.last;
  }

  /** True once the subscription has read to the end of the log at least once. */
  get caughtUp(): boolean {
    return this.caughtUpOnce;
  }

  start(): this {
    this.running ??= this.loop();
    return this;
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
  }

  private async loop(): Promise<void> {
    const { batchSize = 500, pollIntervalMs = 100, retryDelayMs = 500 } = this.options;
    const signal = this.options.appendSignal ?? new AppendSignal();
    while (!this.abort.signal.aborted) {
      let batch: RecordedEvent[];
      try {
        batch = await this.store.readAll({
          tenant: this.options.tenant,
          after: this.last,
          eventTypePrefixes: this.options.eventTypePrefixes,
          limit: batchSize,
        });
        if (batch.length > 0) {
          await this.options.handle(batch);
          this.last = batch[batch.length - 1].position;
        }
      } catch (error) {
        this.options.onError?.(error);
        await new AppendSignal().wait(retryDelayMs, this.abort.signal);
        continue;
      }
      if (batch.length < batchSize) {
        this.caughtUpOnce = true;
        await signal.wait(pollIntervalMs, this.abort.signal);
      }
    }
  }
}
