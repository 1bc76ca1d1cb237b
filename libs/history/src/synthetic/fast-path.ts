import type { EventStore, ProjectPeriod, ProjectPeriodLookup, TenantDirectory } from '@kooperacja/platform';
import { ProgrammePeriodLookup } from '@kooperacja/programme';
import { Bounded } from '../import/bounded';
import { HistoryImporter } from '../import/history-importer';
import { CachingCommandRunner } from './caching-command-runner';
import { InMemoryEventStore, type StreamBatch } from './in-memory-event-store';
import { modelTenantDirectory } from './models';
import {
  syntheticBatch,
  syntheticParams,
  syntheticPilot,
  syntheticTenants,
  type SyntheticPilotParams,
} from './synthetic-pilot';

export interface FastPathOptions {
  /** Project periods to check business dates against; none by default (no programme history). */
  readonly periods?: ProjectPeriodLookup;
  /** The tenants as the target store knows them; by default as the platform's migration creates them. */
  readonly tenants?: TenantDirectory;
}

const NO_PERIODS: ProjectPeriodLookup = { periodOf: async () => null };

/**
 * The synthetic pilot's events without a database round trip per command: every fact goes
 * through the same handlers, runner and catalogues as on the handler path, but against an
 * in-memory store; each chunk's streams are then yielded whole, as `EventToAppend` batches to
 * append with `no_stream`. Same parameters, same events (ids, data and metadata) as
 * `HistoryImporter.importChunks(syntheticPilot(params))`: an int-spec compares the two stores.
 */
export async function* generateEvents(
  partial: Partial<SyntheticPilotParams> = {},
  options: FastPathOptions = {},
): AsyncGenerator<StreamBatch[]> {
  const params = syntheticParams(partial);
  const memory = new InMemoryEventStore();
  const importer = new HistoryImporter({
    store: memory,
    tenants: options.tenants ?? modelTenantDirectory(syntheticTenants(params)),
    periods: options.periods ?? NO_PERIODS,
    runner: (store) => new CachingCommandRunner(store),
  });
  const batch = syntheticBatch(params.seed);
  for (const chunk of syntheticPilot(params)) {
    const report = await importer.importFacts(chunk.facts, { tenantId: chunk.tenantId, batch });
    const refusal = report.refused[0];
    if (refusal) {
      throw new Error(
        `synthetic pilot: fact ${refusal.factId} (${refusal.command}) of ${refusal.tenantId} refused: ${refusal.code} ${refusal.message}`,
      );
    }
    yield memory.drain();
  }
}

export interface FastLoadOptions extends FastPathOptions {
  /** Stream appends at a time (default 8). */
  readonly concurrency?: number;
  /**
   * Run between appends every `every` events, e.g. `ANALYZE es_events` on a server without
   * autovacuum: the store's append statements are planned once per session, and planned on an
   * empty table they slow down as it grows.
   */
  readonly maintenance?: { readonly every: number; readonly run: () => Promise<void> };
}

export interface FastLoadReport {
  readonly streams: number;
  readonly events: number;
  /** Streams already in the store with exactly these events (a repeated load): nothing written. */
  readonly alreadyStored: number;
}

/**
 * Loads the synthetic pilot into `store` by the fast path: one `append(…, 'no_stream')` per
 * stream, up to `concurrency` at a time. Dates are checked against the store's own project
 * periods. The benchmark loader and `npm start` use this; tests show it equals the handler path.
 */
export async function loadSyntheticPilotFast(
  store: EventStore,
  partial: Partial<SyntheticPilotParams> = {},
  options: FastLoadOptions = {},
): Promise<FastLoadReport> {
  const periods = options.periods ?? cachedPeriods(new ProgrammePeriodLookup(store));
  let [streams, events, alreadyStored, maintainedAt] = [0, 0, 0, 0];
  const appends = new Bounded(options.concurrency ?? 8);
  for await (const batches of generateEvents(partial, { ...options, periods })) {
    for (const b of batches) {
      await appends.start(async () => {
        const result = await store.append(b.tenantId, b.streamId, b.events, 'no_stream');
        streams++;
        events += result.idempotent ? 0 : b.events.length;
        alreadyStored += result.idempotent ? 1 : 0;
      });
    }
    if (options.maintenance && events - maintainedAt >= options.maintenance.every) {
      maintainedAt = events;
      await appends.done();
      await options.maintenance.run();
    }
  }
  await appends.done();
  return { streams, events, alreadyStored };
}

/** The synthetic pilot never changes a project's period, so one read per tenant is enough. */
function cachedPeriods(lookup: ProjectPeriodLookup): ProjectPeriodLookup {
  const cache = new Map<string, Promise<ProjectPeriod | null>>();
  return {
    periodOf(tenantId) {
      let period = cache.get(tenantId);
      if (!period) cache.set(tenantId, (period = lookup.periodOf(tenantId)));
      return period;
    },
  };
}
