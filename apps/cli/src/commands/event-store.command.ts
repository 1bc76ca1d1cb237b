import type { Command } from 'commander';
import {
  EventStoreDbEventStore,
  PostgresEventStore,
  assertTenantId,
  createPool,
  formatPosition,
  type EventStore,
} from '@kooperacja/platform';
import { copyTenantEvents, type CopyResult } from './event-store-copy';

type StoreKind = 'postgres' | 'eventstoredb';

interface CopyFlags {
  readonly from: string;
  readonly to: string;
  readonly tenant: string;
  readonly fromUrl?: string;
  readonly toUrl?: string;
  readonly batchSize: string;
  readonly fromStart?: boolean;
  readonly maxEvents?: string;
}

interface OpenedStore {
  readonly store: EventStore;
  readonly address: string;
  close(): Promise<void>;
}

export function registerEventStoreCommands(program: Command): void {
  const group = program.command('event-store').description('operate on the event store itself');
  group
    .command('copy')
    .description(
      "copy one tenant's events between stores (ids, streams, revisions, order and metadata kept; " +
        'the source record time goes into metadata.originalRecordedAt). Resumable: run it again after an ' +
        'interruption and it continues where the target ends. Raw events are copied: sealed personal ' +
        'fields stay sealed, their subject keys stay in PostgreSQL.',
    )
    .requiredOption('--from <store>', 'postgres or eventstoredb')
    .requiredOption('--to <store>', 'postgres or eventstoredb')
    .requiredOption('--tenant <id>', 'the tenant to copy, e.g. mr1')
    .option('--from-url <url>', 'source address (default: DATABASE_URL or EVENTSTORE_CONNECTION_STRING)')
    .option('--to-url <url>', 'target address (default: DATABASE_URL or EVENTSTORE_CONNECTION_STRING)')
    .option('--batch-size <n>', 'events read per page', '500')
    .option('--from-start', 're-check the whole log instead of resuming after the copied prefix')
    .option('--max-events <n>', 'stop after copying this many events (run again to continue)')
    .action(async (flags: CopyFlags) => {
      const from = storeKind(flags.from, '--from');
      const to = storeKind(flags.to, '--to');
      assertTenantId(flags.tenant);
      const batchSize = positive(flags.batchSize, '--batch-size');
      const maxEvents = flags.maxEvents === undefined ? undefined : positive(flags.maxEvents, '--max-events');
      const fromUrl = address(from, flags.fromUrl, '--from-url');
      const toUrl = address(to, flags.toUrl, '--to-url');
      if (from === to && fromUrl === toUrl) throw new Error('--from and --to are the same store: nothing to copy');
      const source = openStore(from, fromUrl);
      const target = openStore(to, toUrl);
      try {
        const result = await copyTenantEvents(source.store, target.store, {
          tenant: flags.tenant,
          batchSize,
          maxEvents,
          fromStart: flags.fromStart,
          onProgress: (p) =>
            console.error(`... ${p.read} events read, ${p.copied} copied, ${p.alreadyThere} already there`),
        });
        console.log(copySummary(flags.tenant, `${from} ${source.address}`, `${to} ${target.address}`, result));
      } finally {
        await Promise.all([source.close(), target.close()]);
      }
    });
}

export function copySummary(tenant: string, from: string, to: string, r: CopyResult): string {
  return [
    `tenant ${tenant}: ${from} -> ${to}`,
    r.resumedAfter ? `resumed after source position ${formatPosition(r.resumedAfter)}` : 'started from the beginning',
    `${r.read} events read, ${r.copied} copied, ${r.alreadyThere} already in the target` +
      (r.last ? `, last source position ${formatPosition(r.last)}` : ''),
    r.complete ? 'complete' : 'stopped at --max-events: run the same command again to continue',
  ].join('\n');
}

function storeKind(value: string, flag: string): StoreKind {
  if (value !== 'postgres' && value !== 'eventstoredb') throw new Error(`${flag} must be postgres or eventstoredb`);
  return value;
}

function positive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${flag} must be a positive integer, got "${value}"`);
  return n;
}

function address(kind: StoreKind, url: string | undefined, flag: string): string {
  const variable = kind === 'postgres' ? 'DATABASE_URL' : 'EVENTSTORE_CONNECTION_STRING';
  const value = url || process.env[variable];
  if (!value) throw new Error(`${flag} is not given and ${variable} is not set`);
  return value;
}

function openStore(kind: StoreKind, url: string): OpenedStore {
  // Passwords are not printed.
  const shown = url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
  if (kind === 'eventstoredb') {
    const store = EventStoreDbEventStore.connect(url);
    return { store, address: shown, close: () => store.close() };
  }
  const pool = createPool(url, { max: 4, applicationName: 'kooperacja-cli-event-store-copy' });
  return { store: new PostgresEventStore(pool), address: shown, close: () => pool.end() };
}
