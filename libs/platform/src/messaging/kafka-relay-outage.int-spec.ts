import type { Pool } from 'pg';
import { createPool } from '../database/pool';
import { createTestDatabase, type TestDatabase } from '../database/test-database';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { ProjectionRunner } from '../projections/projection-runner';
import { projectionLag } from '../projections/projection-status';
import { eventually } from '../testing/eventually';
import { IntegrationEventRegistry } from './integration-event-registry';
import { readKafkaConfig } from './kafka-config';
import { KafkaPublisher } from './kafka-publisher';
import { KafkaRelay } from './kafka-relay';
import {
  DedicatedBroker,
  recordsIn,
  relayTestMappers,
  testBrokers,
  thingsCounted,
  TopicReader,
  uniqueTopicPrefix,
} from './testing';

/** How long the broker stays down; the reliability suite runs it with 30 s or more. */
const OUTAGE_MS = Number(process.env.KAFKA_OUTAGE_SECONDS ?? 3) * 1000;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * Stops a real broker (its own one, on a spare port, so the shared broker of the test run stays up
 * for the suites running beside this one), appends while it is down, starts it again on the same
 * data and checks that every event arrives, in order per aggregate.
 */
describe('Kafka relay across a broker outage', () => {
  testBrokers(); // fails loudly when the test run has no broker: this suite needs its tools too
  let broker: DedicatedBroker;
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    broker = await DedicatedBroker.start();
  }, 120_000);
  afterAll(async () => {
    await broker?.destroy();
  }, 60_000);
  beforeEach(async () => {
    db = await createTestDatabase();
    pool = createPool(db.url, { max: 10 });
  });
  afterEach(async () => {
    await pool.end();
    await db.drop();
  });

  it(`loses nothing and keeps the order per key when the broker is down for ${OUTAGE_MS / 1000} s`, async () => {
    const store = new PostgresEventStore(pool);
    const config = readKafkaConfig({
      KAFKA_BROKERS: broker.brokers.join(','),
      KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('outage'),
    })!;
    const topic = `${config.topicPrefix}.relaytest.v1`;
    const publisher = new KafkaPublisher(config, { retry: { initialRetryTime: 100, maxRetryTime: 1_000, retries: 2 } });
    const failures: unknown[] = [];
    const relay = new KafkaRelay(new IntegrationEventRegistry(relayTestMappers()), publisher);
    const runner = new ProjectionRunner(pool, store, [relay], {
      databaseUrl: db.url,
      batchSize: 25,
      pollIntervalMs: 20,
      maxPollIntervalMs: 200,
      refreshIntervalMs: 100,
      log: (_message, error) => failures.push(error),
    });
    const revisions = new Map<string, number>();
    const append = async (count: number) => {
      for (const tenant of ['mr1', 'mr2']) {
        for (const s of range(3)) {
          const key = `${tenant}/thing-${s}`;
          const next = revisions.get(key) ?? 0;
          await store.append(
            tenant,
            `thing-${s}`,
            thingsCounted(tenant, `thing-${s}`, count, next),
            next === 0 ? 'no_stream' : next - 1,
          );
          revisions.set(key, next + count);
        }
      }
    };
    const caughtUp = () =>
      eventually(async () => expect((await projectionLag(pool, [relay])).map((l) => l.eventsBehind)).toEqual([0, 0]), {
        timeoutMs: 60_000,
      });

    try {
      await runner.start();
      await append(20);
      await caughtUp();
      const before = (await projectionLag(pool, [relay])).map((l) => l.checkpoint);

      await broker.stop();
      await append(30);
      // The relay keeps failing, and its checkpoints stay where the broker last acknowledged.
      await eventually(() => expect(failures.length).toBeGreaterThanOrEqual(2), { timeoutMs: 30_000 });
      await new Promise((r) => setTimeout(r, OUTAGE_MS)); // the outage itself is the subject here
      expect((await projectionLag(pool, [relay])).map((l) => [l.checkpoint, l.eventsBehind])).toEqual(
        before.map((c) => [c, 90]),
      );

      await broker.start(true);
      await caughtUp();
    } finally {
      await runner.stop();
      await publisher.close();
    }

    const reader = await TopicReader.start(broker.brokers, [topic]);
    try {
      const total = 2 * 3 * 50;
      await reader.waitFor((r) => new Set(r.map((x) => x.headers.ce_id)).size >= total);
      expect(await recordsIn(broker.brokers, topic)).toBeGreaterThanOrEqual(total);
      const seen = new Set<string>();
      const byKey = new Map<string, number[]>();
      for (const r of reader.records) {
        if (seen.has(r.headers.ce_id)) continue;
        seen.add(r.headers.ce_id);
        const key = `${r.headers.ce_tenantid}/${r.key}`;
        byKey.set(key, [...(byKey.get(key) ?? []), (JSON.parse(r.value) as { seq: number }).seq]);
      }
      expect(seen.size).toBe(total);
      expect(byKey.size).toBe(6);
      for (const seqs of byKey.values()) expect(seqs).toEqual(range(50));
    } finally {
      await reader.stop();
    }
  }, 180_000);
});
