import {
  BACKWARDS,
  END,
  ErrorType,
  EventStoreDBClient,
  FORWARDS,
  START as CLIENT_START,
  eventTypeFilter,
  isCommandError,
  MaxAppendSizeExceededError,
  StreamNotFoundError,
  streamNameFilter,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type Filter,
  type Position as ClientPosition,
  type ResolvedEvent,
} from '@eventstore/db-client';
import {
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type TenantScope,
} from '../event-store.port';
import { EventStoreUnavailableError, IdempotencyConflictError } from '../errors';
import { comparePositions, type Position } from '../position';
import { assertAppendable, assertStreamId, assertTenantId, assertTenantScope, clampReadLimit } from '../validation';
import {
  checkDuplicates,
  fromClientPosition,
  fromRecordedEvent,
  planAllRead,
  toClientExpectedRevision,
  toClientPosition,
  toEventData,
  toStreamName,
  toWrongExpectedRevision,
  type AllReadPlan,
  type StoredId,
} from './eventstoredb-mapping';

export interface EventStoreDbOptions {
  /**
   * How many of a stream's newest events an append compares its ids with (idempotent retries,
   * refusal of a partial duplicate). Default 1000; see docs/adr/0004-eventstoredb-adapter.md.
   */
  readonly idempotencyWindow?: number;
  /**
   * A bounded `$all` read ends when it reaches the head it saw at its start, when the server
   * says the subscription caught up, or after this long without a message (servers older than
   * 23.10 send no "caught up"). Ending early is safe: the reader comes back from its position.
   */
  readonly readIdleMs?: number;
  /** How many filtered-out events the server may skip before it sends a checkpoint. */
  readonly maxSearchWindow?: number;
}

/**
 * Event store on EventStoreDB / KurrentDB (`@eventstore/db-client`). One EventStoreDB stream per
 * tenant stream, named `<tenant>:<streamId>`; positions are the server's commit/prepare positions.
 * Checkpoints of readers stay where their read models are (PostgreSQL).
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly idempotencyWindow: number;
  private readonly readIdleMs: number;
  private readonly maxSearchWindow: number;

  constructor(
    private readonly client: EventStoreDBClient,
    options: EventStoreDbOptions = {},
  ) {
    this.idempotencyWindow = options.idempotencyWindow ?? 1000;
    this.readIdleMs = options.readIdleMs ?? 1000;
    this.maxSearchWindow = options.maxSearchWindow ?? 256;
  }

  /** A store on `connectionString` (`esdb://host:2113?tls=false`, or `esdb+discover://` for a cluster). */
  static connect(connectionString: string, options?: EventStoreDbOptions): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString), options);
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  async append(
    tenantId: string,
    streamId: string,
    events: readonly EventToAppend[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    assertAppendable(tenantId, streamId, events);
    const expected = toClientExpectedRevision(expectedRevision);
    const name = toStreamName(tenantId, streamId);

    const tail = await this.tail(name, this.idempotencyWindow);
    const duplicates = checkDuplicates(
      events.map((e) => e.id),
      tail,
    );
    if (duplicates.kind === 'partial') throw new IdempotencyConflictError(streamId, duplicates.storedIds);
    if (duplicates.kind === 'all') {
      return { nextExpectedRevision: tail[0].revision, position: duplicates.position, idempotent: true };
    }

    try {
      const result = await this.client.appendToStream(name, events.map(toEventData), { expectedRevision: expected });
      if (result.position) {
        return {
          nextExpectedRevision: Number(result.nextExpectedRevision),
          position: fromClientPosition(result.position),
          idempotent: false,
        };
      }
      // The server answers without a position when it recognised the ids itself (its own
      // idempotency check, e.g. a concurrent retry that passed our check at the same time).
      const [last] = await this.tail(name, 1);
      return { nextExpectedRevision: Number(result.nextExpectedRevision), position: last.position, idempotent: true };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        throw toWrongExpectedRevision(streamId, expectedRevision, error.actualVersion);
      }
      if (error instanceof MaxAppendSizeExceededError) {
        throw new RangeError(`append to "${streamId}" exceeds the server's maximum append size: ${error.message}`);
      }
      throw unavailable(error);
    }
  }

  async readStream(tenantId: string, streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertTenantId(tenantId);
    assertStreamId(streamId);
    const backwards = options.direction === 'backwards';
    const maxCount = options.limit === undefined ? undefined : clampReadLimit(options.limit, Number.MAX_SAFE_INTEGER);
    if (
      options.fromRevision !== undefined &&
      (!Number.isSafeInteger(options.fromRevision) || options.fromRevision < 0)
    ) {
      throw new RangeError(`fromRevision must be a non-negative integer, got ${options.fromRevision}`);
    }
    const events = await this.collectStream(toStreamName(tenantId, streamId), {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision:
        options.fromRevision === undefined ? (backwards ? END : CLIENT_START) : BigInt(options.fromRevision),
      maxCount,
    });
    return events.map((e) => fromRecordedEvent(e.event!, tenantId)).filter((e): e is RecordedEvent => e !== null);
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    assertTenantScope(options.tenant);
    const limit = clampReadLimit(options.limit);
    const head = await this.lastPositionOfAll();
    if (!head || (options.after && comparePositions(options.after, head) >= 0)) return [];
    return this.readFiltered(planAllRead(options.tenant, options.eventTypePrefixes), options, head, limit);
  }

  async headPosition(tenant: TenantScope): Promise<Position | null> {
    assertTenantScope(tenant);
    // No filtered backwards read in the client: page back through $all to the scope's newest event.
    const page = 500;
    let from: ClientPosition | typeof END = END;
    let seen: Position | undefined;
    for (;;) {
      const batch = await this.collectAll({ direction: BACKWARDS, fromPosition: from, maxCount: page });
      for (const resolved of batch) {
        if (!resolved.event) continue;
        // Whether a backwards read includes its start position is the server's business: skip it.
        if (seen && comparePositions(fromClientPosition(resolved.event.position), seen) >= 0) continue;
        const e = fromRecordedEvent(resolved.event, tenant);
        if (e) return e.position;
      }
      if (batch.length < page) return null;
      seen = fromClientPosition(batch[batch.length - 1].event!.position);
      from = toClientPosition(seen);
    }
  }

  /** The stream's newest events, newest first, as ids with revisions and positions. */
  private async tail(streamName: string, count: number): Promise<StoredId[]> {
    const events = await this.collectStream(streamName, { direction: BACKWARDS, fromRevision: END, maxCount: count });
    return events.map((r) => ({
      id: r.event!.id,
      revision: Number(r.event!.revision),
      position: fromClientPosition(r.event!.position!),
    }));
  }

  private async lastPositionOfAll(): Promise<Position | null> {
    const [last] = await this.collectAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
    return last?.event ? fromClientPosition(last.event.position) : null;
  }

  private async collectStream(
    streamName: string,
    options: Parameters<EventStoreDBClient['readStream']>[1],
  ): Promise<ResolvedEvent[]> {
    const out: ResolvedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamName, options)) out.push(resolved);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw unavailable(error);
    }
    return out;
  }

  private async collectAll(options: Parameters<EventStoreDBClient['readAll']>[0]): Promise<AllStreamResolvedEvent[]> {
    const out: AllStreamResolvedEvent[] = [];
    try {
      for await (const resolved of this.client.readAll(options)) out.push(resolved);
    } catch (error) {
      throw unavailable(error);
    }
    return out;
  }

  /**
   * A bounded read of `$all` with the server-side filter of a catch-up subscription (the client's
   * `readAll` cannot filter). Subscribing from a position delivers the events after it.
   */
  private readFiltered(
    plan: AllReadPlan,
    options: ReadAllOptions,
    head: Position,
    limit: number,
  ): Promise<RecordedEvent[]> {
    return new Promise((resolve, reject) => {
      const out: RecordedEvent[] = [];
      let finished = false;
      let idle: NodeJS.Timeout | undefined;
      const reached = (p: Position) => comparePositions(p, head) >= 0;
      const finish = (error?: unknown) => {
        if (finished) return;
        finished = true;
        clearTimeout(idle);
        void subscription.unsubscribe().catch(() => undefined);
        if (error) reject(unavailable(error));
        else resolve(out);
      };
      const touch = () => {
        clearTimeout(idle);
        idle = setTimeout(() => finish(), this.readIdleMs);
      };
      const common = {
        checkpointInterval: 1,
        maxSearchWindow: this.maxSearchWindow,
        checkpointReached: (_: unknown, position: ClientPosition) => {
          touch();
          if (reached(fromClientPosition(position))) finish();
        },
      };
      const filter: Filter =
        plan.filterOn === 'eventType'
          ? eventTypeFilter({ ...common, prefixes: [...plan.prefixes!] })
          : plan.regex
            ? streamNameFilter({ ...common, regex: plan.regex })
            : streamNameFilter({ ...common, prefixes: [...plan.prefixes!] });
      const subscription = this.client.subscribeToAll({
        fromPosition: options.after ? toClientPosition(options.after) : CLIENT_START,
        filter,
      });
      subscription.on('data', (resolved: AllStreamResolvedEvent) => {
        if (finished) return;
        touch();
        const event = resolved.event;
        if (!event) return;
        // Subscriptions start after their position; the check costs nothing and guards that.
        if (options.after && comparePositions(fromClientPosition(event.position), options.after) <= 0) return;
        if (plan.matches(event.streamId, event.type)) {
          const recorded = fromRecordedEvent(event, options.tenant);
          if (recorded) out.push(recorded);
        }
        if (out.length >= limit || reached(fromClientPosition(event.position))) finish();
      });
      subscription.on('caughtUp', () => finish());
      subscription.on('error', (error: Error) => finish(error));
      touch();
    });
  }
}

/** Transport failures become the port's retryable error; anything else stays as it is. */
function unavailable(error: unknown): unknown {
  if (
    error instanceof Error &&
    isCommandError(error) &&
    [
      ErrorType.UNAVAILABLE,
      ErrorType.DEADLINE_EXCEEDED,
      ErrorType.TIMEOUT,
      ErrorType.NOT_LEADER,
      ErrorType.CANCELLED,
    ].includes(error.type)
  ) {
    return new EventStoreUnavailableError(error);
  }
  return error;
}
