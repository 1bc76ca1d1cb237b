import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel, type Consumer } from 'kafkajs';

const run = promisify(execFile);
export const REPO_ROOT = resolve(__dirname, '../../../../..');

/**
 * The broker the Kafka tests use: `TEST_KAFKA_BROKERS`, which `npm test` sets after starting a
 * real broker. Never skipped: without it the test fails and says how to start one.
 */
export function testBrokers(): string[] {
  const value = process.env.TEST_KAFKA_BROKERS;
  if (!value) {
    throw new Error(
      'TEST_KAFKA_BROKERS is not set: the Kafka tests need a real broker. `npm test` starts one; by hand: ' +
        '`bash scripts/kafka/broker.sh start && export TEST_KAFKA_BROKERS=127.0.0.1:19092`',
    );
  }
  return value.split(',').map((b) => b.trim());
}

/** A topic prefix of its own per test run, so tests never read each other's records. */
export function uniqueTopicPrefix(label: string): string {
  return `test-${label}-${randomBytes(4).toString('hex')}`;
}

export interface ReceivedRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** Reads topics from the beginning in the background, as an independent consumer group would. */
export class TopicReader {
  readonly records: ReceivedRecord[] = [];

  private constructor(private readonly consumer: Consumer) {}

  static async start(brokers: readonly string[], topics: readonly (string | RegExp)[]): Promise<TopicReader> {
    const kafka = new Kafka({ clientId: 'test-reader', brokers: [...brokers], logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({
      groupId: `test-reader-${randomBytes(6).toString('hex')}`,
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      maxWaitTimeInMs: 100,
    });
    const reader = new TopicReader(consumer);
    try {
      await waitForTopics(
        brokers,
        topics.filter((t): t is string => typeof t === 'string'),
      );
      await consumer.connect();
      await consumer.subscribe({ topics: [...topics], fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ topic, partition, message }) => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(message.headers ?? {})) headers[k] = String(v);
          reader.records.push({
            topic,
            partition,
            offset: message.offset,
            key: message.key?.toString() ?? '',
            value: message.value?.toString() ?? '',
            headers,
          });
        },
      });
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
    return reader;
  }

  /** Polls until `done(records)` holds; fails with what was received so far after `timeoutMs`. */
  async waitFor(done: (records: readonly ReceivedRecord[]) => boolean, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done(this.records)) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms with ${this.records.length} records`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect().catch(() => undefined);
  }
}

/** Waits until the topics exist (the relay creates them when it starts or first publishes to them). */
export async function waitForTopics(brokers: readonly string[], topics: readonly string[], timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const existing = new Set(await listTopics(brokers, ''));
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length === 0) return;
    if (Date.now() > deadline) throw new Error(`topics ${missing.join(', ')} not created within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** How many records a topic holds (sum over its partitions of high watermark minus log start). */
export async function recordsIn(brokers: readonly string[], topic: string): Promise<number> {
  const admin = new Kafka({ clientId: 'test-admin', brokers: [...brokers], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((n, p) => n + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}

/** Topics of the broker whose name starts with `prefix`. */
export async function listTopics(brokers: readonly string[], prefix: string): Promise<string[]> {
  const admin = new Kafka({ clientId: 'test-admin', brokers: [...brokers], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return (await admin.listTopics()).filter((t) => t.startsWith(prefix)).sort();
  } finally {
    await admin.disconnect();
  }
}

/**
 * A broker of the test's own (scripts/kafka/broker.sh on a free port pair), for tests that stop
 * and start it: the shared broker of the test run stays up for the tests running next to it.
 */
export class DedicatedBroker {
  private constructor(
    readonly port: number,
    private readonly dataDir: string,
  ) {}

  get brokers(): string[] {
    return [`127.0.0.1:${this.port}`];
  }

  static async start(): Promise<DedicatedBroker> {
    for (let port = 39092 + 2 * Math.floor(Math.random() * 400); port < 40992; port += 2) {
      if ((await portFree(port)) && (await portFree(port + 1))) {
        const broker = new DedicatedBroker(port, await mkdtemp(join(tmpdir(), 'kooperacja-kafka-')));
        await broker.start(false);
        return broker;
      }
    }
    throw new Error('no free port pair for a dedicated Kafka broker');
  }

  async start(keepData: boolean): Promise<void> {
    await this.script('start', keepData);
  }

  async stop(): Promise<void> {
    await this.script('stop', true);
  }

  /** Stops the broker and removes its data. */
  async destroy(): Promise<void> {
    await this.stop();
    await rm(this.dataDir, { recursive: true, force: true });
  }

  private async script(command: 'start' | 'stop', keepData: boolean): Promise<void> {
    try {
      await run('bash', [resolve(REPO_ROOT, 'scripts/kafka/broker.sh'), command], {
        env: {
          // C1 only: this broker must boot quickly more than it must run fast.
          KAFKA_JVM_OPTS: '-XX:TieredStopAtLevel=1',
          ...process.env,
          KAFKA_PORT: String(this.port),
          KAFKA_DATA_DIR: this.dataDir,
          KAFKA_KEEP_DATA: keepData ? '1' : '0',
        },
        timeout: 120_000,
      });
    } catch (error) {
      const e = error as { stderr?: string; message: string };
      throw new Error(`broker.sh ${command} on port ${this.port} failed: ${e.message}\n${e.stderr ?? ''}`);
    }
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once('error', () => resolvePort(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolvePort(true)));
  });
}
