import type { RecordedEvent } from '../event-store/event-store.port';
import type { IntegrationEvent } from './integration-event';

/** A record for the producer: key, JSON value, CloudEvents headers. */
export interface OutgoingMessage {
  readonly topic: string;
  readonly key: string;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * CloudEvents 1.0 attributes in Kafka binary mode (the Kafka protocol binding): each attribute is a
 * `ce_<name>` header, the data is the record value, its media type is the `content-type` header.
 */
export interface CloudEventHeaders {
  readonly ce_specversion: '1.0';
  /** Unique per published event and stable across re-publication: consumers deduplicate on it. */
  readonly ce_id: string;
  /** The tenant (macroregion) as a URI reference: `urn:kooperacja:tenant:<id>`. */
  readonly ce_source: string;
  readonly ce_type: string;
  /** Business time (RFC 3339): when the fact happened, not when it was recorded. */
  readonly ce_time: string;
  /** The aggregate (event-store stream) the event belongs to; also the record key. */
  readonly ce_subject: string;
  /** Extension: the tenant id. */
  readonly ce_tenantid: string;
  /** Extension: when the platform recorded the fact (RFC 3339). */
  readonly ce_recordedtime: string;
  /** Extension, only on events of the synthetic pilot generator: `true`. */
  readonly ce_synthetic?: 'true';
  readonly 'content-type': 'application/json';
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export const TENANT_SOURCE_PREFIX = 'urn:kooperacja:tenant:';

/**
 * The `ce_id` of the `index`-th integration event mapped from a stored event: the stored event's
 * id for the first (nearly always the only one), `<event id>:<type>` for any further one.
 */
export function cloudEventId(eventId: string, index: number, type: string): string {
  return index === 0 ? eventId : `${eventId}:${type}`;
}

/** A business date (`2020-03-14`) is midnight UTC; a timestamp is kept as it is. */
export function businessTime(occurredAt: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(occurredAt)) return `${occurredAt}T00:00:00Z`;
  const t = new Date(occurredAt);
  if (Number.isNaN(t.getTime())) throw new RangeError(`occurredAt "${occurredAt}" is neither a date nor a timestamp`);
  return RFC3339.test(occurredAt) ? occurredAt : t.toISOString();
}

export function cloudEventHeaders(
  source: Pick<RecordedEvent, 'id' | 'tenantId' | 'streamId' | 'metadata' | 'recordedAt'>,
  event: IntegrationEvent,
  index: number,
): CloudEventHeaders {
  return {
    ce_specversion: '1.0',
    ce_id: cloudEventId(source.id, index, event.type),
    ce_source: `${TENANT_SOURCE_PREFIX}${source.tenantId}`,
    ce_type: event.type,
    ce_time: businessTime(source.metadata.occurredAt),
    ce_subject: source.streamId,
    ce_tenantid: source.tenantId,
    ce_recordedtime: source.recordedAt.toISOString(),
    ...(source.metadata.synthetic === true ? { ce_synthetic: 'true' as const } : {}),
    'content-type': 'application/json',
  };
}

/** The Kafka record of one integration event: key = stream id, so one aggregate stays in order. */
export function toKafkaMessage(
  topic: string,
  source: Pick<RecordedEvent, 'id' | 'tenantId' | 'streamId' | 'metadata' | 'recordedAt'>,
  event: IntegrationEvent,
  index: number,
): OutgoingMessage {
  return {
    topic,
    key: source.streamId,
    value: JSON.stringify(event.data),
    headers: { ...cloudEventHeaders(source, event, index) },
  };
}
