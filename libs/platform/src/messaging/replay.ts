import { ALL_TENANTS, type EventStore } from '../event-store/event-store.port';
import { comparePositions, START, type Position } from '../event-store/position';
import type { IntegrationEventRegistry } from './integration-event-registry';
import { toKafkaMessages, type RecordPublisher } from './kafka-relay';

export interface ReplayOptions {
  /** Inclusive: the first event replayed is the one at this position (or the next one after it). */
  readonly from: Position;
  readonly tenant?: string;
  /** Only records for this topic. */
  readonly topic?: string;
  readonly batchSize?: number;
  /** Count only, publish nothing. */
  readonly dryRun?: boolean;
  readonly onProgress?: (progress: ReplayResult) => void;
}

export interface ReplayResult {
  readonly eventsRead: number;
  readonly published: number;
  readonly byTopic: Readonly<Record<string, number>>;
  /** Position of the last event read (null if none). */
  readonly last: Position | null;
}

/**
 * Publishes the integration events of stored events again, from a position up to the head of the
 * log as it was when the replay started, for a consumer that is new or lost its data. It does not
 * touch the relay's checkpoint; the records are the same (same `ce_id`) as the relay's.
 */
export async function replayToKafka(
  store: EventStore,
  registry: IntegrationEventRegistry,
  publisher: RecordPublisher,
  options: ReplayOptions,
): Promise<ReplayResult> {
  const tenant = options.tenant ?? ALL_TENANTS;
  const head = await store.headPosition(tenant);
  const byTopic: Record<string, number> = {};
  let after = justBefore(options.from);
  let eventsRead = 0;
  let published = 0;
  let last: Position | null = null;
  const handled = new Set(registry.storedTypes());
  while (head && comparePositions(after, head) < 0) {
    const read = await store.readAll({
      tenant,
      after,
      eventTypePrefixes: registry.storedTypes(),
      limit: options.batchSize ?? 500,
    });
    const events = read.filter((e) => comparePositions(e.position, head) <= 0);
    if (events.length === 0) break;
    const messages = toKafkaMessages(
      registry,
      publisher.config,
      events.filter((e) => handled.has(e.type)),
    ).filter((m) => !options.topic || m.topic === options.topic);
    if (!options.dryRun) await publisher.publish(messages);
    for (const m of messages) byTopic[m.topic] = (byTopic[m.topic] ?? 0) + 1;
    eventsRead += events.length;
    published += messages.length;
    last = events[events.length - 1].position;
    after = last;
    options.onProgress?.({ eventsRead, published, byTopic: { ...byTopic }, last });
    if (events.length < read.length) break;
  }
  return { eventsRead, published, byTopic, last };
}

/** The exclusive bound that makes `from` inclusive: no position lies between the two. */
function justBefore(from: Position): Position {
  if (comparePositions(from, START) <= 0) return START;
  return { commit: from.commit, prepare: from.prepare - 1n };
}
