import type { RecordedEvent } from '../event-store/event-store.port';
import type { Projection } from '../projections/projection';
import { toKafkaMessage, type OutgoingMessage } from './cloud-events';
import type { IntegrationEventRegistry } from './integration-event-registry';
import { topicFor, type KafkaConfig } from './kafka-config';

/** Where the relay's records go; {@link KafkaPublisher} in production. */
export interface RecordPublisher {
  readonly config: Pick<KafkaConfig, 'topicPrefix' | 'topicMode'>;
  publish(messages: readonly OutgoingMessage[]): Promise<void>;
}

/** The integration events of stored events as Kafka records, in log order. */
export function toKafkaMessages(
  registry: IntegrationEventRegistry,
  config: Pick<KafkaConfig, 'topicPrefix' | 'topicMode'>,
  events: readonly RecordedEvent[],
): OutgoingMessage[] {
  return events.flatMap((event) =>
    registry
      .map(event)
      .map((integration, index) =>
        toKafkaMessage(topicFor(config, integration.type, event.tenantId), event, integration, index),
      ),
  );
}

/**
 * The Kafka relay: a side-effect projection, so the projection runner gives it one checkpoint per
 * tenant, leases across projector processes and log order, and moves the checkpoint only after
 * `apply` resolved, i.e. after the broker acknowledged every record of the batch. A crash between
 * the acknowledgement and the checkpoint publishes the batch again: at least once, in order per
 * key, deduplicated by consumers on `ce_id`.
 */
export class KafkaRelay implements Projection {
  readonly sideEffects = true;
  readonly tables: readonly string[] = [];
  readonly handles: readonly string[];

  constructor(
    private readonly registry: IntegrationEventRegistry,
    private readonly publisher: RecordPublisher,
    readonly name = 'kafka-relay',
  ) {
    if (registry.size === 0) throw new Error('the Kafka relay needs at least one integration event mapper');
    this.handles = registry.storedTypes();
  }

  ddl(): readonly string[] {
    return [];
  }

  async apply(events: readonly RecordedEvent[]): Promise<void> {
    await this.publisher.publish(toKafkaMessages(this.registry, this.publisher.config, events));
  }
}
