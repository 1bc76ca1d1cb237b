import { toKafkaMessage } from '../cloud-events';
import type { IntegrationEventMapper } from '../integration-event';
import { IntegrationEventRegistry } from '../integration-event-registry';
import { sampleEvent } from './schema-check';

export const PERSONAL_MARKER = 'PERSONAL-DATA-MARKER-Zażółć';

/**
 * Feeds every mapper its sample with each personal field (from the catalogue) and every other
 * field outside its allow-list set to a marker, maps it and builds the Kafka records; returns
 * the stored types whose records (value, key or headers) contain the marker.
 */
export function personalDataLeaks(mappers: readonly IntegrationEventMapper[]): string[] {
  const registry = new IntegrationEventRegistry(mappers);
  const leaks: string[] = [];
  for (const mapper of mappers) {
    const data: Record<string, unknown> = { ...mapper.sample };
    for (const field of mapper.personalFields) data[field] = PERSONAL_MARKER;
    // Fields outside the allow-list too (free text); not for an older version, whose fields the
    // upcaster may rename into allow-listed ones.
    if (!mapper.upcast) {
      for (const field of Object.keys(data)) if (!mapper.fields.includes(field)) data[field] = PERSONAL_MARKER;
    }
    const event = sampleEvent(mapper.storedType, data, 'mr1', mapper.sampleStreamId);
    const records = registry.map(event).map((e, i) => toKafkaMessage('t', event, e, i));
    if (JSON.stringify(records).includes(PERSONAL_MARKER)) leaks.push(mapper.storedType);
  }
  return leaks;
}
