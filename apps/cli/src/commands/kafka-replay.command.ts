import type { Command } from 'commander';
import { allIntegrationEventMappers } from '@kooperacja/composition';
import { createPool, formatPosition, parsePosition, PostgresEventStore, readConfig, START } from '@kooperacja/platform';
import {
  IntegrationEventRegistry,
  KafkaPublisher,
  readKafkaConfig,
  replayToKafka,
  type ReplayResult,
} from '@kooperacja/platform/messaging';
import { kafkaCommand } from './kafka-command';

interface ReplayFlags {
  readonly from: string;
  readonly tenant?: string;
  readonly topic?: string;
  readonly dryRun?: boolean;
  readonly batchSize: string;
}

export function registerKafkaReplayCommand(program: Command): void {
  kafkaCommand(program)
    .command('replay')
    .description(
      're-publish integration events from a position of the event store (e.g. for a new consumer); ' +
        'the relay and its checkpoint are not affected, consumers see the same ce_id again',
    )
    .requiredOption(
      '--from <position>',
      '"start", or a position <commit>/<prepare> (inclusive), e.g. from `projections status`',
    )
    .option('--tenant <id>', 'only this tenant (default: every tenant)')
    .option('--topic <name>', 'only records for this topic, e.g. kooperacja.groups.v1')
    .option('--dry-run', 'count what would be published, publish nothing')
    .option('--batch-size <n>', 'events read per batch', '500')
    .action(async (flags: ReplayFlags) => {
      const kafka = readKafkaConfig();
      if (!kafka) throw new Error('KAFKA_BROKERS is not set: nowhere to publish');
      const from = flags.from === 'start' ? START : parsePosition(flags.from);
      const registry = new IntegrationEventRegistry(allIntegrationEventMappers());
      if (registry.size === 0) throw new Error('no context maps integration events yet: nothing to replay');
      const pool = createPool(readConfig().databaseUrl, { max: 2, applicationName: 'kooperacja-cli-kafka-replay' });
      const publisher = new KafkaPublisher(kafka, { log: (m) => console.error(m) });
      try {
        const result = await replayToKafka(new PostgresEventStore(pool), registry, publisher, {
          from,
          tenant: flags.tenant,
          topic: flags.topic,
          dryRun: flags.dryRun,
          batchSize: Number(flags.batchSize),
          onProgress: (p) => console.error(`... ${p.eventsRead} events read, ${p.published} records`),
        });
        console.log(summary(result, flags.dryRun === true));
      } finally {
        await publisher.close();
        await pool.end();
      }
    });
}

function summary(r: ReplayResult, dryRun: boolean): string {
  const topics = Object.entries(r.byTopic).map(([t, n]) => `  ${t}: ${n}`);
  return [
    `${dryRun ? 'would publish' : 'published'} ${r.published} records from ${r.eventsRead} events` +
      (r.last ? ` (up to ${formatPosition(r.last)})` : ''),
    ...topics,
  ].join('\n');
}
