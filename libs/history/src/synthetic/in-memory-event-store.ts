import {
  ALL_TENANTS,
  IdempotencyConflictError,
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type TenantScope,
} from '@kooperacja/platform';

/** A stream's events, handed over whole to be appended elsewhere with `no_stream`. */
export interface StreamBatch {
  readonly tenantId: string;
  readonly streamId: string;
  readonly events: readonly EventToAppend[];
}

const keyOf = (tenantId: string, streamId: string) => `${tenantId}\u0000${streamId}`;
/** Nothing reads when an in-memory event was recorded; the target store sets its own time. */
const NOT_RECORDED = new Date(0);

/**
 * The event-store port in memory, for the synthetic pilot's fast path: the same handlers and
 * runner write here, then `drain()` hands each stream written over and forgets it. A stream
 * touched again after it was drained is an error, never an empty stream (that would change
 * what the handlers decide).
 */
export class InMemoryEventStore implements EventStore {
  private readonly streams = new Map<
    string,
    { tenantId: string; streamId: string; events: RecordedEvent[]; ids: Set<string> }
  >();
  private readonly drained = new Set<string>();
  private readonly written = new Set<string>();
  private position = 0n;

  async append(
    tenantId: string,
    streamId: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const key = this.live(tenantId, streamId);
    const stream = this.streams.get(key) ?? { tenantId, streamId, events: [], ids: new Set<string>() };
    const found = events.filter((e) => stream.ids.has(e.id)).length;
    if (found === events.length && found > 0) {
      const last = stream.events[stream.events.length - 1];
      return { nextExpectedRevision: last.revision, position: last.position, idempotent: true };
    }
    if (found > 0)
      throw new IdempotencyConflictError(
        streamId,
        events.map((e) => e.id),
      );
    const current = stream.events.length - 1;
    const conflict =
      (typeof expected === 'number' && expected !== current) ||
      (expected === 'no_stream' && current !== -1) ||
      (expected === 'stream_exists' && current === -1);
    if (conflict) throw new WrongExpectedRevisionError(streamId, expected, current < 0 ? 'no_stream' : current);
    let position: Position = { commit: this.position, prepare: this.position };
    for (const e of events) {
      this.position++;
      position = { commit: this.position, prepare: this.position };
      stream.ids.add(e.id);
      stream.events.push({
        ...e,
        tenantId,
        streamId,
        revision: stream.events.length,
        position,
        recordedAt: NOT_RECORDED,
      });
    }
    this.streams.set(key, stream);
    this.written.add(key);
    return { nextExpectedRevision: stream.events.length - 1, position, idempotent: false };
  }

  async readStream(tenantId: string, streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const events = this.streams.get(this.live(tenantId, streamId))?.events ?? [];
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
    const picked = backwards
      ? events.filter((e) => e.revision <= from).reverse()
      : from === 0
        ? [...events]
        : events.filter((e) => e.revision >= from);
    return options.limit === undefined ? picked : picked.slice(0, options.limit);
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const after = options.after?.commit ?? -1n;
    return [...this.streams.values()]
      .filter((s) => options.tenant === ALL_TENANTS || s.tenantId === options.tenant)
      .flatMap((s) => s.events)
      .filter((e) => e.position.commit > after)
      .filter((e) => !options.eventTypePrefixes?.length || options.eventTypePrefixes.some((p) => e.type.startsWith(p)))
      .sort((a, b) => (a.position.commit < b.position.commit ? -1 : 1))
      .slice(0, options.limit ?? 1000);
  }

  async headPosition(tenant: TenantScope): Promise<Position | null> {
    const all = await this.readAll({ tenant, limit: Number.MAX_SAFE_INTEGER });
    return all.length ? all[all.length - 1].position : null;
  }

  /** Every stream written since the last drain, whole and in revision order; then forgotten. */
  drain(): StreamBatch[] {
    const batches: StreamBatch[] = [];
    for (const key of this.written) {
      const stream = this.streams.get(key)!;
      batches.push({
        tenantId: stream.tenantId,
        streamId: stream.streamId,
        events: stream.events.map(({ id, type, data, metadata }) => ({ id, type, data, metadata })),
      });
      this.streams.delete(key);
      this.drained.add(key);
    }
    this.written.clear();
    return batches;
  }

  private live(tenantId: string, streamId: string): string {
    const key = keyOf(tenantId, streamId);
    if (this.drained.has(key)) {
      throw new Error(
        `stream ${streamId} of ${tenantId} was already handed over; facts of one stream must be in one chunk`,
      );
    }
    return key;
  }
}
