import type { RecordedEvent } from '../event-store/event-store.port';
import {
  parseIntegrationEventType,
  type IntegrationEvent,
  type IntegrationEventDefinition,
  type IntegrationEventMapper,
} from './integration-event';

/**
 * Every mapper of the deployment, checked once at start-up: one mapper per stored type, no
 * personal field in an allow-list, well-formed and consistently documented integration types.
 */
export class IntegrationEventRegistry {
  private readonly byStoredType = new Map<string, IntegrationEventMapper>();
  private readonly byType = new Map<string, IntegrationEventDefinition>();

  constructor(mappers: readonly IntegrationEventMapper[]) {
    for (const mapper of mappers) {
      if (this.byStoredType.has(mapper.storedType)) {
        throw new Error(`two integration event mappers for the stored type ${mapper.storedType}`);
      }
      const personal = mapper.fields.filter((f) => mapper.personalFields.includes(f));
      if (personal.length) {
        throw new Error(`mapper of ${mapper.storedType} allow-lists personal field(s) ${personal.join(', ')}`);
      }
      if (mapper.produces.length === 0) throw new Error(`mapper of ${mapper.storedType} produces nothing`);
      for (const def of mapper.produces) {
        parseIntegrationEventType(def.type);
        const known = this.byType.get(def.type);
        if (known && known !== def) {
          throw new Error(`integration event type ${def.type} is defined twice (share one definition object)`);
        }
        this.byType.set(def.type, def);
      }
      this.byStoredType.set(mapper.storedType, mapper);
    }
  }

  get size(): number {
    return this.byStoredType.size;
  }

  /** The stored types the relay subscribes to. */
  storedTypes(): string[] {
    return [...this.byStoredType.keys()].sort();
  }

  mappers(): IntegrationEventMapper[] {
    return [...this.byStoredType.values()];
  }

  /** Every integration event type that can be published, sorted by type. */
  definitions(): IntegrationEventDefinition[] {
    return [...this.byType.values()].sort((a, b) => a.type.localeCompare(b.type));
  }

  /**
   * The integration events of one stored event (none when its type has no mapper). Throws when a
   * mapper returns a type it did not declare, or the same type twice: the relay then stops on
   * that event rather than publish something undocumented.
   */
  map(event: Pick<RecordedEvent, 'type' | 'data' | 'tenantId' | 'streamId' | 'metadata'>): IntegrationEvent[] {
    const mapper = this.byStoredType.get(event.type);
    if (!mapper) return [];
    const data = mapper.upcast ? mapper.upcast(event.data as never) : (event.data as object);
    const allowed: Record<string, unknown> = {};
    for (const field of mapper.fields) {
      if (Object.prototype.hasOwnProperty.call(data, field)) allowed[field] = (data as Record<string, unknown>)[field];
    }
    const out = mapper.map({
      tenantId: event.tenantId,
      streamId: event.streamId,
      occurredAt: event.metadata.occurredAt,
      data: structuredClone(allowed),
    });
    const seen = new Set<string>();
    for (const e of out) {
      if (!mapper.produces.some((d) => d.type === e.type)) {
        throw new Error(`mapper of ${event.type} returned ${e.type}, which it does not declare in produces`);
      }
      if (seen.has(e.type)) throw new Error(`mapper of ${event.type} returned ${e.type} twice for one event`);
      seen.add(e.type);
    }
    return [...out];
  }
}
