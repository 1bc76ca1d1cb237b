import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { percentile } from '../stats';
import type { Scenario } from './scenario';

const RATE = 1_000;
const TICK_MS = 10;
const P99_MS = 500;
const TENANT = 'mr1';

/**
 * Scenario 8: events appended at 1,000 per second (10 every 10 ms, each its own append of a new
 * case stream), published by the Kafka relay running as the projector runs it (its own poll,
 * no in-process wake-up), received by a kafkajs consumer group on the real broker. Latency: from
 * before the append call to the consumer's receipt of the record with that `ce_id`.
 * The limit: a kafkajs producer sending the same records straight to a topic at the same rate
 * (acks from all in-sync replicas, as the relay), received by the same kind of consumer.
 */
export const kafkaLatencyScenario: Scenario = {
  id: '8',
  title: 'append → Kafka consumer at 1,000 events/s',
  unit: 'ms (p99)',
  kafka: true,
  contenders: ['ours', 'limit'],
  target: { text: `p99 <${P99_MS} ms`, met: (f) => f.value < P99_MS },
  async measure({ contender, url, quick, kafkaBrokers }) {
    if (!kafkaBrokers) throw new Error('scenario 8 needs a Kafka broker');
    const seconds = quick ? 3 : 20;
    const prefix = `bench${process.pid}${Date.now().toString(36)}`;
    const kafka = new Kafka({ clientId: 'bench', brokers: kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
    const pipeline =
      contender === 'ours' ? await relayPipeline(url, kafkaBrokers, prefix) : await directPipeline(kafka, prefix);
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    let timed = false;
    const consumer = kafka.consumer({ groupId: `${prefix}-consumer`, maxWaitTimeInMs: 50 });
    try {
      await topicExists(kafka, pipeline.topic);
      await consumer.connect();
      await consumer.subscribe({ topics: [pipeline.topic], fromBeginning: true });
      const joined = joinedGroup(consumer);
      await consumer.run({
        eachMessage: async ({ message }) => {
          const id = message.headers?.ce_id?.toString();
          const started = id === undefined ? undefined : sentAt.get(id);
          if (started === undefined) return;
          sentAt.delete(id!);
          if (timed) latencies.push(performance.now() - started);
        },
      });
      await joined;
      await paced(2, (n) => pipeline.send(sentAt, n)); // warm-up: connections, topic metadata, the relay's first batches
      await drained(sentAt);
      timed = true;
      await paced(seconds, (n) => pipeline.send(sentAt, n));
      await drained(sentAt);
      if (latencies.length < RATE * seconds) throw new Error(`received ${latencies.length} of ${RATE * seconds}`);
      return {
        value: percentile(latencies, 99),
        details: { p50: percentile(latencies, 50), events: latencies.length },
      };
    } finally {
      await consumer.disconnect().catch(() => undefined);
      await pipeline.close();
    }
  },
};

interface Pipeline {
  readonly topic: string;
  /** Sends `count` events at once, recording each one's start in `sentAt` by ce_id. */
  send(sentAt: Map<string, number>, count: number): Promise<void>;
  close(): Promise<void>;
}

/** Ours: `PostgresEventStore.append` of `pilot.CaseEnrolled.v1`, the projector's relay publishing. */
async function relayPipeline(url: string, brokers: string, prefix: string): Promise<Pipeline> {
  const [{ allMigrations }, platform, messaging, { startProjector }] = await Promise.all([
    import('@kooperacja/composition'),
    import('@kooperacja/platform'),
    import('@kooperacja/platform/messaging'),
    import('../../apps/projector/src/projector'),
  ]);
  await platform.migrate(url, allMigrations());
  const env = { KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix, KAFKA_CLIENT_ID: 'bench-relay' };
  const config = messaging.readKafkaConfig(env)!;
  const pool = platform.createPool(url, { max: 12, applicationName: 'bench-appender' });
  const store = new platform.PostgresEventStore(pool);
  const projector = await startProjector(
    { databaseUrl: url, projectionPollMs: 100 },
    { env, projections: [], log: () => undefined },
  );
  return {
    topic: messaging.topicFor(config, 'pl.kooperacja.pilot.case-enrolled.v1', TENANT),
    // Each event its own append to a new case stream, as commands append them.
    send: async (sentAt, count) => {
      await Promise.all(
        Array.from({ length: count }, async () => {
          const event = caseEnrolled();
          sentAt.set(event.id, performance.now());
          await store.append(TENANT, `pilot.case-${event.data.caseId}`, [event], 'no_stream');
        }),
      );
    },
    async close() {
      await projector.stop();
      await pool.end();
    },
  };
}

/** The limit: the same records produced straight to a topic. */
async function directPipeline(kafka: Kafka, prefix: string): Promise<Pipeline> {
  const topic = `${prefix}.direct`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 6 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  return {
    topic,
    // The events due in one tick go in one request, as a relay batch does.
    send: async (sentAt, count) => {
      const events = Array.from({ length: count }, () => caseEnrolled());
      for (const e of events) sentAt.set(e.id, performance.now());
      await producer.send({
        topic,
        acks: -1,
        messages: events.map((e) => ({
          key: `pilot.case-${e.data.caseId}`,
          value: JSON.stringify(e.data),
          headers: { ce_id: e.id },
        })),
      });
    },
    close: () => producer.disconnect(),
  };
}

/** RATE events a second: every TICK_MS the events due, without waiting for the previous tick's. */
async function paced(seconds: number, send: (count: number) => Promise<void>): Promise<void> {
  const perTick = (RATE * TICK_MS) / 1000;
  const pending: Promise<void>[] = [];
  const started = performance.now();
  for (let tick = 0; tick < (seconds * 1000) / TICK_MS; tick++) {
    const wait = started + tick * TICK_MS - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(send(perTick));
  }
  await Promise.all(pending);
}

/** Until the relay created the topic (it does at start-up, before publishing): subscribing first fails. */
async function topicExists(kafka: Kafka, topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const deadline = Date.now() + 30_000;
    while (!(await admin.listTopics()).includes(topic)) {
      if (Date.now() > deadline) throw new Error(`topic ${topic} not created within 30 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await admin.disconnect();
  }
}

async function drained(sentAt: Map<string, number>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (sentAt.size > 0) {
    if (Date.now() > deadline) throw new Error(`${sentAt.size} events never reached the consumer`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function joinedGroup(consumer: Consumer): Promise<void> {
  return new Promise<void>((resolve) => {
    const remove = consumer.on(consumer.events.GROUP_JOIN, () => {
      remove();
      resolve();
    });
  });
}

function caseEnrolled() {
  const commandId = randomUUID();
  const caseId = randomUUID();
  return {
    id: randomUUID(),
    type: 'pilot.CaseEnrolled.v1',
    data: {
      caseId,
      siteTeryt: '2205023',
      voivodeship: 'pomorskie',
      householdSize: 4,
      caseUnit: 'ipw',
      enrolledOn: '2020-03-02',
    },
    metadata: {
      tenantId: TENANT,
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actor: { sub: 'bench', role: 'tenant-admin', tenantId: TENANT },
      occurredAt: '2020-03-02',
      schemaVersion: 1,
    },
  };
}
