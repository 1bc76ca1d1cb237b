import { Kafka, logLevel, Partitioners, type Producer, type RetryOptions } from 'kafkajs';
import type { OutgoingMessage } from './cloud-events';
import type { KafkaConfig } from './kafka-config';

export type KafkaLogLevel = 'nothing' | 'error' | 'warn' | 'info' | 'debug';

export interface KafkaPublisherOptions {
  readonly log?: (message: string, error?: unknown) => void;
  /** kafkajs' own log level (default `nothing`: failures surface as errors of `publish`). */
  readonly kafkaLogLevel?: KafkaLogLevel;
  /** Retries of one send before `publish` fails (then the caller retries from its checkpoint). */
  readonly retry?: RetryOptions;
  /** At most this many records in one produce request. */
  readonly maxMessagesPerSend?: number;
  readonly connectionTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
}

const LEVELS: Record<KafkaLogLevel, logLevel> = {
  nothing: logLevel.NOTHING,
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.INFO,
  debug: logLevel.DEBUG,
};

/**
 * Publishes records with an idempotent producer, `acks: -1` and one request in flight, so the
 * records of one partition are written in the order given, also across the producer's retries.
 * `publish` resolves only once the broker acknowledged every record.
 *
 * A send that fails (broker down longer than the retries) discards the producer: the caller
 * publishes the same records again later, with a new producer id, so no sequence number is ever
 * reused for other records. The cost is a possible duplicate, which consumers remove by `ce_id`.
 */
export class KafkaPublisher {
  private readonly kafka: Kafka;
  private producer?: Promise<Producer>;
  private readonly ensured = new Set<string>();
  private readonly maxPerSend: number;
  private ensuring: Promise<unknown> = Promise.resolve();

  constructor(
    readonly config: KafkaConfig,
    private readonly options: KafkaPublisherOptions = {},
  ) {
    const log = options.log;
    this.kafka = new Kafka({
      clientId: config.clientId,
      brokers: [...config.brokers],
      connectionTimeout: options.connectionTimeoutMs ?? 3_000,
      requestTimeout: options.requestTimeoutMs ?? 30_000,
      retry: options.retry ?? { initialRetryTime: 200, maxRetryTime: 5_000, retries: 5 },
      logLevel: LEVELS[options.kafkaLogLevel ?? 'nothing'],
      logCreator: () => (entry) => log?.(`kafkajs ${entry.namespace}: ${entry.log.message}`),
    });
    this.maxPerSend = options.maxMessagesPerSend ?? 500;
  }

  /** Writes the records in order; resolves when the broker acknowledged all of them. */
  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.ensureTopics([...new Set(messages.map((m) => m.topic))]);
    const pending = this.connectedProducer();
    try {
      const producer = await pending;
      for (const run of runs(messages, this.maxPerSend)) {
        await producer.send({
          topic: run[0].topic,
          acks: -1,
          messages: run.map((m) => ({ key: m.key, value: m.value, headers: { ...m.headers } })),
        });
      }
    } catch (error) {
      await this.discard(pending);
      throw error;
    }
  }

  /**
   * Creates the topics that do not exist yet, with the configured partitions, replication and
   * retention. An existing topic is left as it is (an operator may have tuned it).
   */
  ensureTopics(topics: readonly string[]): Promise<string[]> {
    // One at a time: the partitions of several tenants may need the same new topic at once.
    const next = this.ensuring.then(() => this.createMissing(topics));
    this.ensuring = next.catch(() => undefined);
    return next;
  }

  private async createMissing(topics: readonly string[]): Promise<string[]> {
    const missing = topics.filter((t) => !this.ensured.has(t));
    if (missing.length === 0) return [];
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const create = missing.filter((t) => !existing.has(t));
      if (create.length > 0) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: create.map((topic) => ({
            topic,
            numPartitions: this.config.partitions,
            replicationFactor: this.config.replicationFactor,
            configEntries: [
              { name: 'retention.ms', value: String(this.config.retentionMs) },
              { name: 'cleanup.policy', value: 'delete' },
            ],
          })),
        });
        this.options.log?.(`created Kafka topic(s) ${create.join(', ')}`);
      }
      for (const t of missing) this.ensured.add(t);
      return create;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const pending = this.producer;
    this.producer = undefined;
    if (pending) await pending.then((p) => p.disconnect()).catch(() => undefined);
  }

  private connectedProducer(): Promise<Producer> {
    this.producer ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
        // Bounded, so that an outage fails the batch (checkpoint unmoved) instead of hanging it.
        retry: this.options.retry ?? { initialRetryTime: 200, maxRetryTime: 5_000, retries: 5 },
      });
      await producer.connect();
      return producer;
    })();
    return this.producer;
  }

  private async discard(pending: Promise<Producer>): Promise<void> {
    if (this.producer === pending) this.producer = undefined;
    await pending.then((p) => p.disconnect()).catch(() => undefined);
  }
}

/** Consecutive records of the same topic, at most `max` per run, in the given order. */
function* runs(messages: readonly OutgoingMessage[], max: number): Generator<OutgoingMessage[]> {
  let run: OutgoingMessage[] = [];
  for (const m of messages) {
    if (run.length > 0 && (run[0].topic !== m.topic || run.length >= max)) {
      yield run;
      run = [];
    }
    run.push(m);
  }
  if (run.length > 0) yield run;
}
