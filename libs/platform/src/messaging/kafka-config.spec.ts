import { readKafkaConfig, sharedTopics, topicFor } from './kafka-config';

describe('Kafka configuration', () => {
  it('is off without KAFKA_BROKERS', () => {
    expect(readKafkaConfig({})).toBeNull();
    expect(readKafkaConfig({ KAFKA_BROKERS: ' , ' })).toBeNull();
  });

  it('has defaults for everything but the brokers', () => {
    expect(readKafkaConfig({ KAFKA_BROKERS: 'a:9092, b:9092' })).toEqual({
      brokers: ['a:9092', 'b:9092'],
      clientId: 'kooperacja-projector',
      topicPrefix: 'kooperacja',
      topicMode: 'shared',
      partitions: 6,
      retentionMs: 30 * 24 * 3600 * 1000,
      replicationFactor: -1,
    });
  });

  it('reads every setting and refuses nonsense', () => {
    const config = readKafkaConfig({
      KAFKA_BROKERS: 'k:1',
      KAFKA_CLIENT_ID: 'relay-2',
      KAFKA_TOPIC_PREFIX: 'mrpips',
      KAFKA_TOPIC_MODE: 'per-tenant',
      KAFKA_TOPIC_PARTITIONS: '12',
      KAFKA_RETENTION_MS: '-1',
      KAFKA_TOPIC_REPLICATION_FACTOR: '3',
    });
    expect(config).toMatchObject({ clientId: 'relay-2', topicPrefix: 'mrpips', topicMode: 'per-tenant' });
    expect(config).toMatchObject({ partitions: 12, retentionMs: -1, replicationFactor: 3 });
    expect(() => readKafkaConfig({ KAFKA_BROKERS: 'k' })).toThrow('"k" is not host:port');
    expect(() => readKafkaConfig({ KAFKA_BROKERS: 'k:1', KAFKA_TOPIC_MODE: 'tenant' })).toThrow('shared or per-tenant');
    expect(() => readKafkaConfig({ KAFKA_BROKERS: 'k:1', KAFKA_TOPIC_PREFIX: 'a.b' })).toThrow('KAFKA_TOPIC_PREFIX');
    expect(() => readKafkaConfig({ KAFKA_BROKERS: 'k:1', KAFKA_TOPIC_PARTITIONS: '0' })).toThrow(
      'KAFKA_TOPIC_PARTITIONS',
    );
  });

  it('names one topic per context and major version, shared by tenants or per tenant', () => {
    const type = 'pl.kooperacja.groups.member-joined.v2';
    expect(topicFor({ topicPrefix: 'kooperacja', topicMode: 'shared' }, type, 'mr1')).toBe('kooperacja.groups.v2');
    expect(topicFor({ topicPrefix: 'kooperacja', topicMode: 'per-tenant' }, type, 'mr1')).toBe(
      'kooperacja.mr1.groups.v2',
    );
  });

  it('knows the shared topics before any event flows, the platform topic included', () => {
    const types = [
      'pl.kooperacja.groups.member-joined.v1',
      'pl.kooperacja.groups.member-left.v1',
      'pl.kooperacja.pilot.case-enrolled.v1',
    ];
    expect(sharedTopics({ topicPrefix: 'k', topicMode: 'shared' }, types)).toEqual([
      'k.groups.v1',
      'k.pilot.v1',
      'k.platform.v1',
    ]);
    expect(sharedTopics({ topicPrefix: 'k', topicMode: 'per-tenant' }, types)).toEqual([]);
  });
});
