import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import type { Pool } from 'pg';
import { createPool } from '../database/pool';
import { createTestDatabase, type TestDatabase } from '../database/test-database';
import type { EventToAppend } from '../event-store/event-store.port';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import type { Position } from '../event-store/position';
import { ProjectionRunner } from '../projections/projection-runner';
import { projectionLag } from '../projections/projection-status';
import { eventually } from '../testing/eventually';
import { cloudEventHeadersSchema } from './asyncapi';
import { IntegrationEventRegistry } from './integration-event-registry';
import { readKafkaConfig, type KafkaConfig } from './kafka-config';
import { KafkaPublisher } from './kafka-publisher';
import { KafkaRelay } from './kafka-relay';
import { replayToKafka } from './replay';
import {
  createAjv,
  listTopics,
  REPO_ROOT,
  recordsIn,
  relayTestMappers,
  testBrokers,
  thingsCounted,
  TopicReader,
  uniqueTopicPrefix,
  waitForTopics,
  type ReceivedRecord,
} from './testing';

const run = promisify(execFile);

/** The `seq` of each record per key, in the order the topic holds them, duplicates removed by ce_id. */
function sequencesByKey(records: readonly ReceivedRecord[]): Map<string, number[]> {
  const seen = new Set<string>();
  const byKey = new Map<string, number[]>();
  for (const r of records) {
    if (seen.has(r.headers.ce_id)) continue;
    seen.add(r.headers.ce_id);
    if (r.headers.ce_type !== 'pl.kooperacja.relaytest.thing-counted.v1') continue;
    const key = `${r.headers.ce_tenantid}/${r.key}`;
    byKey.set(key, [...(byKey.get(key) ?? []), (JSON.parse(r.value) as { seq: number }).seq]);
  }
  return byKey;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

jest.setTimeout(60_000);

describe('Kafka relay on a real broker', () => {
  const brokers = testBrokers();
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let publisher: KafkaPublisher | undefined;
  let runner: ProjectionRunner | undefined;
  const readers: TopicReader[] = [];

  beforeEach(async () => {
    db = await createTestDatabase();
    pool = createPool(db.url, { max: 10 });
    store = new PostgresEventStore(pool);
  });
  afterEach(async () => {
    await Promise.all(readers.splice(0).map((r) => r.stop()));
    await runner?.stop();
    await publisher?.close();
    runner = publisher = undefined;
    await pool.end();
    await db.drop();
  });

  function kafkaConfig(env: Record<string, string> = {}): KafkaConfig {
    return readKafkaConfig({
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('relay'),
      ...env,
    })!;
  }

  async function startRelay(config: KafkaConfig) {
    publisher = new KafkaPublisher(config);
    const registry = new IntegrationEventRegistry(relayTestMappers());
    runner = new ProjectionRunner(pool, store, [new KafkaRelay(registry, publisher)], {
      databaseUrl: db.url,
      batchSize: 40,
      pollIntervalMs: 20,
      maxPollIntervalMs: 100,
      refreshIntervalMs: 100,
    });
    await runner.start();
    return registry;
  }

  async function read(topics: (string | RegExp)[]) {
    const reader = await TopicReader.start(brokers, topics);
    readers.push(reader);
    return reader;
  }

  it('publishes every appended event once, in order per aggregate, with its CloudEvents headers', async () => {
    const config = kafkaConfig();
    // Written before the relay starts (catch-up) and while it runs (live tail), in two tenants.
    for (const tenant of ['mr1', 'mr2']) {
      for (const s of range(4))
        await store.append(tenant, `thing-${s}`, thingsCounted(tenant, `thing-${s}`, 30), 'no_stream');
    }
    await store.append('mr1', 'unmapped-1', [unmapped('mr1')], 'no_stream');
    await startRelay(config);
    const reader = await read([`${config.topicPrefix}.relaytest.v1`]);
    for (const tenant of ['mr1', 'mr2']) {
      for (const s of range(4))
        await store.append(tenant, `thing-${s}`, thingsCounted(tenant, `thing-${s}`, 20, 30), 29);
    }
    await reader.waitFor((r) => r.length >= 2 * 4 * 50);
    // The checkpoints are at the head: everything was acknowledged, nothing more will come.
    await eventually(async () => {
      const lag = await projectionLag(pool, runner!.projections);
      expect(lag.map((l) => [l.tenantId, l.eventsBehind])).toEqual([
        ['mr1', 0],
        ['mr2', 0],
      ]);
    });

    expect(await recordsIn(brokers, `${config.topicPrefix}.relaytest.v1`)).toBe(400);
    expect(reader.records).toHaveLength(400);
    expect(new Set(reader.records.map((r) => r.headers.ce_id)).size).toBe(400);
    const byKey = sequencesByKey(reader.records);
    expect([...byKey.keys()].sort()).toEqual([
      ...range(4).map((s) => `mr1/thing-${s}`),
      ...range(4).map((s) => `mr2/thing-${s}`),
    ]);
    for (const seqs of byKey.values()) expect(seqs).toEqual(range(50));

    const ajv = createAjv();
    const headers = ajv.compile(cloudEventHeadersSchema('pl.kooperacja.relaytest.thing-counted.v1'));
    for (const r of reader.records) expect(headers(r.headers) ? [] : headers.errors).toEqual([]);
    const sample = reader.records[0];
    expect(sample.headers).toMatchObject({
      ce_subject: sample.key,
      ce_source: `urn:kooperacja:tenant:${sample.headers.ce_tenantid}`,
    });
    expect(Object.keys(JSON.parse(sample.value)).sort()).toEqual(['countedOn', 'region', 'seq', 'thingId']);
    expect(reader.records.some((r) => /Kowalski|notatka/.test(r.value + JSON.stringify(r.headers)))).toBe(false);
  });

  it('creates its topics with the configured partitions and retention, shared or one per tenant', async () => {
    const config = kafkaConfig({
      KAFKA_TOPIC_MODE: 'per-tenant',
      KAFKA_TOPIC_PARTITIONS: '4',
      KAFKA_RETENTION_MS: '86400000',
    });
    await store.append('mr1', 'thing-a', thingsCounted('mr1', 'thing-a', 5), 'no_stream');
    await store.append('mr3', 'thing-a', thingsCounted('mr3', 'thing-a', 3), 'no_stream');
    await startRelay(config);
    const topics = [`${config.topicPrefix}.mr1.relaytest.v1`, `${config.topicPrefix}.mr3.relaytest.v1`];
    await waitForTopics(brokers, topics);
    expect(await listTopics(brokers, config.topicPrefix)).toEqual(topics);
    const reader = await read(topics);
    await reader.waitFor((r) => r.length >= 8);
    expect(reader.records.filter((r) => r.topic === topics[0]).map((r) => r.headers.ce_tenantid)).toEqual(
      Array(5).fill('mr1'),
    );
    expect(reader.records.filter((r) => r.topic === topics[1]).map((r) => r.headers.ce_tenantid)).toEqual(
      Array(3).fill('mr3'),
    );

    const admin = new Kafka({ clientId: 'test', brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const meta = await admin.fetchTopicMetadata({ topics });
      expect(meta.topics.map((t) => t.partitions.length)).toEqual([4, 4]);
      const described = await admin.describeConfigs({
        includeSynonyms: false,
        resources: topics.map((name) => ({ type: 2, name, configNames: ['retention.ms', 'cleanup.policy'] })),
      });
      for (const r of described.resources) {
        expect(Object.fromEntries(r.configEntries.map((e) => [e.configName, e.configValue]))).toEqual({
          'retention.ms': '86400000',
          'cleanup.policy': 'delete',
        });
      }
    } finally {
      await admin.disconnect();
    }
  });

  it('replays from a position for a new consumer: one tenant, one topic, the same ce_ids', async () => {
    const config = kafkaConfig();
    const first = await store.append('mr1', 'thing-1', thingsCounted('mr1', 'thing-1', 10), 'no_stream');
    const from = await positionOfRevision('mr1', 'thing-1', 4);
    await store.append('mr2', 'thing-1', thingsCounted('mr2', 'thing-1', 10), 'no_stream');
    await store.append('mr1', 'thing-1', thingsCounted('mr1', 'thing-1', 5, 10), first.nextExpectedRevision);
    publisher = new KafkaPublisher(config);
    const registry = new IntegrationEventRegistry(relayTestMappers());
    const topic = `${config.topicPrefix}.relaytest.v1`;
    // A replay goes up to the head readers can see (commits still in flight anywhere hold it back).
    const appended = await store.readStream('mr1', 'thing-1', { direction: 'backwards', limit: 1 });
    await eventually(async () => expect(await store.headPosition('mr1')).toEqual(appended[0].position), {
      timeoutMs: 30_000,
    });

    const dry = await replayToKafka(store, registry, publisher, { from, tenant: 'mr1', topic, dryRun: true });
    expect(dry).toMatchObject({ eventsRead: 11, published: 11 });
    expect(await listTopics(brokers, config.topicPrefix)).toEqual([]);

    const result = await replayToKafka(store, registry, publisher, { from, tenant: 'mr1', topic, batchSize: 4 });
    expect(result).toMatchObject({ eventsRead: 11, published: 11, byTopic: { [topic]: 11 } });
    const reader = await read([topic]);
    await reader.waitFor((r) => r.length >= 11);
    expect(sequencesByKey(reader.records)).toEqual(new Map([['mr1/thing-1', range(11).map((i) => i + 4)]]));
    const stored = await store.readStream('mr1', 'thing-1', { fromRevision: 4 });
    expect(reader.records.map((r) => r.headers.ce_id)).toEqual(stored.map((e) => e.id));
    expect(await replayToKafka(store, registry, publisher, { from, topic: 'elsewhere', dryRun: true })).toMatchObject({
      eventsRead: 21,
      published: 0,
    });
  });

  it('an independent client (kcat) reads the CloudEvents headers and JSON data as documented', async () => {
    const config = kafkaConfig();
    const [event] = thingsCounted('mr2', 'thing-kcat', 1);
    await store.append('mr2', 'thing-kcat', [event], 'no_stream');
    await startRelay(config);
    const topic = `${config.topicPrefix}.relaytest.v1`;
    await (await read([topic])).waitFor((r) => r.length === 1);
    const { stdout } = await run(
      'bash',
      [resolve(REPO_ROOT, 'scripts/kafka/kcat-check.sh'), 'read', brokers[0], topic],
      {
        timeout: 60_000,
      },
    );
    const kcat = JSON.parse(stdout.trim()) as { key: string; headers: string[]; payload: string };
    const record = {
      key: kcat.key,
      headers: Object.fromEntries(
        range(kcat.headers.length / 2).map((i) => [kcat.headers[2 * i], kcat.headers[2 * i + 1]]),
      ),
      payload: JSON.parse(kcat.payload) as unknown,
    };
    expect(record.key).toBe('thing-kcat');
    expect(record.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: event.id,
      ce_source: 'urn:kooperacja:tenant:mr2',
      ce_type: 'pl.kooperacja.relaytest.thing-counted.v1',
      ce_time: '2019-06-01T00:00:00Z',
      ce_subject: 'thing-kcat',
      ce_tenantid: 'mr2',
      ce_recordedtime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      'content-type': 'application/json',
    });
    expect(record.payload).toEqual({ thingId: 'thing-kcat', seq: 0, region: 'lubelskie', countedOn: '2019-06-01' });
  });

  async function positionOfRevision(tenant: string, stream: string, revision: number): Promise<Position> {
    const [e] = await store.readStream(tenant, stream, { fromRevision: revision, limit: 1 });
    return e.position;
  }
});

function unmapped(tenantId: string): EventToAppend {
  const id = randomUUID();
  return {
    id,
    type: 'relaytest.NotPublished.v1',
    data: { secret: 'Kowalski' },
    metadata: {
      tenantId,
      commandId: id,
      correlationId: id,
      causationId: id,
      actor: { sub: 't', role: 'tenant-editor', tenantId },
      occurredAt: '2019-06-01',
      schemaVersion: 1,
    },
  };
}
