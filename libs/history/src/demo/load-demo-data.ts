import { ALL_TENANTS, type EventStore, type TenantDirectory } from '@kooperacja/platform';
import { addReports, emptyReport, HistoryImporter, type ImportReport } from '../import/history-importer';
import { loadSyntheticPilotFast, type FastLoadOptions, type FastLoadReport } from '../synthetic/fast-path';
import type { SyntheticPilotParams } from '../synthetic/synthetic-pilot';
import { readSeedHistory } from './seed-history';

export interface DemoDataDeps {
  /** The owner's event store (it must see every tenant's events to tell the store is empty). */
  readonly store: EventStore;
  readonly tenants: TenantDirectory;
}

export interface DemoDataOptions {
  /** docs/data/history unless given. */
  readonly historyDir?: string;
  /** Parameters of the synthetic pilot (defaults: seed 42, 50 JST per tenant, 5 families per gmina); `false` for none. */
  readonly synthetic?: Partial<SyntheticPilotParams> | false;
  readonly concurrency?: number;
  /** Passed to the fast path, e.g. `ANALYZE es_events` on a server without autovacuum. */
  readonly maintenance?: FastLoadOptions['maintenance'];
}

export interface DemoDataReport {
  readonly history: ImportReport;
  readonly synthetic: FastLoadReport | null;
  readonly seconds: number;
}

/**
 * `npm start`'s demo data: when the event store is empty, imports the real history of the three
 * macroregions (docs/data/history, through the handlers) and then the synthetic pilot (fast path,
 * same events as the handlers would write). Returns null, having changed nothing, when the store
 * already holds events. A refused fact is a bug in the shipped history: it throws.
 */
export async function loadDemoData(
  deps: DemoDataDeps,
  log: (message: string) => void,
  options: DemoDataOptions = {},
): Promise<DemoDataReport | null> {
  if ((await deps.store.headPosition(ALL_TENANTS)) !== null) {
    log('demo data: the event store already holds events; nothing loaded');
    return null;
  }
  const started = Date.now();
  const importer = new HistoryImporter({ store: deps.store, tenants: deps.tenants });
  let history = emptyReport();
  for (const { name, history: file } of await readSeedHistory(options.historyDir)) {
    if (!file.tenant) throw new Error(`demo data: ${name} names no tenant`);
    const report = await importer.importFacts(file.facts, { tenantId: file.tenant, batch: name });
    const refusal = report.refused[0];
    if (refusal) {
      throw new Error(`demo data: ${name}: fact ${refusal.factId} refused: ${refusal.code} ${refusal.message}`);
    }
    history = addReports(history, report);
  }
  log(
    `demo data: real history imported: ${history.applied} facts, ${history.eventsAppended} events (docs/data/history)`,
  );

  let synthetic: FastLoadReport | null = null;
  if (options.synthetic !== false) {
    synthetic = await loadSyntheticPilotFast(deps.store, options.synthetic ?? {}, {
      tenants: deps.tenants,
      concurrency: options.concurrency,
      maintenance: options.maintenance,
    });
    log(`demo data: synthetic pilot loaded: ${synthetic.events} events in ${synthetic.streams} streams`);
  }
  const seconds = (Date.now() - started) / 1000;
  log(`demo data: done in ${seconds.toFixed(1)} s`);
  return { history, synthetic, seconds };
}
