import { parseIntegrationEventType, PLATFORM_CONTEXT } from './integration-event';

export type TopicMode = 'shared' | 'per-tenant';

/** Kafka settings of the relay and the replay command, from the environment (docs/kafka.md). */
export interface KafkaConfig {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** First segment of every topic name. */
  readonly topicPrefix: string;
  /** `shared`: one topic per context and major version; `per-tenant`: the same, per tenant. */
  readonly topicMode: TopicMode;
  /** Partitions of a topic the relay creates. */
  readonly partitions: number;
  /** `retention.ms` of a topic the relay creates. */
  readonly retentionMs: number;
  /** Replication factor of a topic the relay creates; -1: the broker's default. */
  readonly replicationFactor: number;
}

const PREFIX = /^[a-zA-Z0-9][a-zA-Z0-9-]{0,60}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The Kafka settings, or null when `KAFKA_BROKERS` is unset: then nothing is published. */
export function readKafkaConfig(env: NodeJS.ProcessEnv = process.env): KafkaConfig | null {
  const brokers = (env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (brokers.length === 0) return null;
  for (const b of brokers) {
    if (!/^[^\s:]+:\d{1,5}$/.test(b)) throw new Error(`KAFKA_BROKERS: "${b}" is not host:port`);
  }
  const topicPrefix = env.KAFKA_TOPIC_PREFIX || 'kooperacja';
  if (!PREFIX.test(topicPrefix)) {
    throw new Error(`KAFKA_TOPIC_PREFIX must match ${PREFIX.source} (no dots), got "${topicPrefix}"`);
  }
  const topicMode = (env.KAFKA_TOPIC_MODE || 'shared') as TopicMode;
  if (topicMode !== 'shared' && topicMode !== 'per-tenant') {
    throw new Error(`KAFKA_TOPIC_MODE must be shared or per-tenant, got "${String(topicMode)}"`);
  }
  const replicationFactor = int(env.KAFKA_TOPIC_REPLICATION_FACTOR, -1, 'KAFKA_TOPIC_REPLICATION_FACTOR', -1);
  if (replicationFactor === 0) throw new Error('KAFKA_TOPIC_REPLICATION_FACTOR must be -1 or at least 1');
  return {
    brokers,
    clientId: env.KAFKA_CLIENT_ID || 'kooperacja-projector',
    topicPrefix,
    topicMode,
    partitions: int(env.KAFKA_TOPIC_PARTITIONS, 6, 'KAFKA_TOPIC_PARTITIONS', 1),
    retentionMs: int(env.KAFKA_RETENTION_MS, 30 * DAY_MS, 'KAFKA_RETENTION_MS', -1),
    replicationFactor,
  };
}

/**
 * The topic of an integration event: `<prefix>.<context>.v<major>` (shared) or
 * `<prefix>.<tenant>.<context>.v<major>` (per tenant).
 */
export function topicFor(
  config: Pick<KafkaConfig, 'topicPrefix' | 'topicMode'>,
  type: string,
  tenantId: string,
): string {
  const { context, major } = parseIntegrationEventType(type);
  return config.topicMode === 'per-tenant'
    ? `${config.topicPrefix}.${tenantId}.${context}.v${major}`
    : `${config.topicPrefix}.${context}.v${major}`;
}

/**
 * The shared topics known before any event flows (created at start-up so consumers can subscribe
 * early): one per context and major version of `types`, plus the platform topic. Per-tenant
 * topics are created when a tenant's first event is published.
 */
export function sharedTopics(
  config: Pick<KafkaConfig, 'topicPrefix' | 'topicMode'>,
  types: readonly string[],
): string[] {
  if (config.topicMode !== 'shared') return [];
  const topics = new Set(types.map((t) => topicFor(config, t, '-')));
  topics.add(`${config.topicPrefix}.${PLATFORM_CONTEXT}.v1`);
  return [...topics].sort();
}

function int(value: string | undefined, fallback: number, name: string, min: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${value}"`);
  return n;
}
