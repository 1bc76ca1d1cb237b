import type { Pool } from 'pg';
import { allIntegrationEventMappers, allProjections } from '@kooperacja/composition';
import {
  appRoleName,
  createPool,
  PostgresTenantDirectory,
  protectPersonalData,
  ProjectionRunner,
  selectEventStore,
  type AppendSignal,
  type PlatformConfig,
  type Projection,
} from '@kooperacja/platform';
import {
  IntegrationEventRegistry,
  KafkaPublisher,
  KafkaRelay,
  readKafkaConfig,
  sharedTopics,
  type IntegrationEventMapper,
  type KafkaLogLevel,
} from '@kooperacja/platform/messaging';

export interface ProjectorOptions {
  /** Where the Kafka settings are read from (default: `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
  /** Default: every context's projections (`allProjections()`). */
  readonly projections?: readonly Projection[];
  /** Default: every context's integration event mappers (`allIntegrationEventMappers()`). */
  readonly mappers?: readonly IntegrationEventMapper[];
  readonly batchSize?: number;
  /** Wakes the partitions as soon as this process appended (when the API runs in the same process). */
  readonly appendSignal?: AppendSignal;
  readonly log?: (message: string, error?: unknown) => void;
}

export interface RunningProjector {
  /** True when the Kafka relay runs. */
  readonly publishing: boolean;
  /** Partitions this process runs, as `projection/tenant@version`. */
  owned(): string[];
  /** Stops the partitions (each finishes its batch), then disconnects from Kafka and PostgreSQL. */
  stop(): Promise<void>;
}

const defaultLog = (message: string, error?: unknown) =>
  console.warn(`[projector] ${message}${error ? `: ${error instanceof Error ? error.message : String(error)}` : ''}`);

/**
 * Runs the read-model projections and, when `KAFKA_BROKERS` is set, the Kafka relay: in its own
 * process (apps/projector/src/main.ts) or next to the API (`npm start`).
 */
export async function startProjector(
  config: Pick<PlatformConfig, 'databaseUrl' | 'projectionPollMs'>,
  options: ProjectorOptions = {},
): Promise<RunningProjector> {
  const log = options.log ?? defaultLog;
  const env = options.env ?? process.env;
  const projections = [...(options.projections ?? allProjections())];
  const kafka = readKafkaConfig(env);
  let publisher: KafkaPublisher | undefined;
  if (!kafka) {
    log('KAFKA_BROKERS not set: integration events are not published');
  } else {
    const registry = new IntegrationEventRegistry(options.mappers ?? allIntegrationEventMappers());
    if (registry.size === 0) {
      log('KAFKA_BROKERS is set, but no context maps integration events yet: nothing to publish');
    } else {
      publisher = new KafkaPublisher(kafka, {
        log,
        kafkaLogLevel: (env.KAFKAJS_LOG_LEVEL as KafkaLogLevel) || 'nothing',
      });
      projections.push(new KafkaRelay(registry, publisher));
      const topics = sharedTopics(
        kafka,
        registry.definitions().map((d) => d.type),
      );
      log(
        `publishing ${registry.definitions().length} integration event types to ${kafka.brokers.join(',')} ` +
          `(${kafka.topicMode} topics${topics.length ? `: ${topics.join(', ')}` : `, prefix ${kafka.topicPrefix}`})`,
      );
      // Early, so consumers can subscribe before the first event; a broker that is down only
      // delays this: the relay creates a missing topic before publishing to it.
      publisher.ensureTopics(topics).catch((error) => log('could not create the Kafka topics yet; will retry', error));
    }
  }

  const pool = createPool(config.databaseUrl, { max: 10, applicationName: 'kooperacja-projector' });
  const events = selectEventStore(pool, env);
  const runner = new ProjectionRunner(pool, protectPersonalData(events.store, pool), projections, {
    // es_events names the log's tenants; with EventStoreDB the tenant directory does.
    partitions: events.kind === 'postgres' ? undefined : () => activeTenants(pool),
    onlyTenants: list(env.PROJECTOR_TENANTS),
    databaseUrl: config.databaseUrl,
    batchSize: options.batchSize,
    pollIntervalMs: config.projectionPollMs,
    appendSignal: options.appendSignal,
    readerRole: appRoleName(env),
    log,
  });
  await runner.start();
  log(projections.length ? `running ${projections.map((p) => p.name).join(', ')}` : 'no projections to run yet');

  let stopping: Promise<void> | undefined;
  return {
    publishing: publisher !== undefined,
    owned: () => runner.owned(),
    stop: () =>
      (stopping ??= (async () => {
        await runner.stop();
        await publisher?.close();
        await events.close();
        await pool.end();
      })()),
  };
}

async function activeTenants(pool: Pool): Promise<string[]> {
  return (await new PostgresTenantDirectory(pool).list()).filter((t) => t.status === 'active').map((t) => t.id);
}

/** `PROJECTOR_TENANTS=mr1,mr2`: this deployment runs only these tenants (unset: every tenant). */
function list(value: string | undefined): string[] | undefined {
  const items = (value ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}
