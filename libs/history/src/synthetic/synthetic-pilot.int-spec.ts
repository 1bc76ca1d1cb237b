import type { Pool } from 'pg';
import { PostgresEventStore, PostgresTenantDirectory, createPool } from '@kooperacja/platform';
import { createTestDatabase, type TestDatabase } from '@kooperacja/platform/testing';
import { readSeedHistory } from '../demo/seed-history';
import { HistoryImporter } from '../import/history-importer';
import { loadSyntheticPilotFast } from './fast-path';
import { syntheticBatch, syntheticPilot, type SyntheticPilotParams } from './synthetic-pilot';

// Real PostgreSQL, one database per file: slower than the default 5 s on a busy machine.
jest.setTimeout(60_000);

const small: Partial<SyntheticPilotParams> = {
  seed: 42,
  jstPerTenant: 2,
  familiesPerGmina: 2,
  meetingsPerGroup: 3,
  decisionsPerGroup: 2,
  sessionsPerSite: 3,
};

interface Database {
  db: TestDatabase;
  pool: Pool;
  store: PostgresEventStore;
  tenants: PostgresTenantDirectory;
}

async function databaseWithSeedHistory(): Promise<Database> {
  const db = await createTestDatabase();
  const pool = createPool(db.url, { max: 6 });
  const store = new PostgresEventStore(pool);
  const tenants = new PostgresTenantDirectory(pool);
  const importer = new HistoryImporter({ store, tenants });
  for (const { name, history } of await readSeedHistory()) {
    await importer.importFacts(history.facts, { tenantId: history.tenant!, batch: name });
  }
  return { db, pool, store, tenants };
}

/** Every event as stored, without what only the store decides (commit position, time). */
async function contents(pool: Pool) {
  const { rows } = await pool.query(
    `SELECT tenant_id, stream_id, stream_revision, event_id, event_type, data, metadata
       FROM es_events ORDER BY tenant_id, stream_id, stream_revision`,
  );
  return rows;
}

describe('the synthetic pilot on PostgreSQL, by the handlers and by the fast path', () => {
  let byHandlers: Database;
  let byFastPath: Database;

  beforeAll(async () => {
    [byHandlers, byFastPath] = await Promise.all([databaseWithSeedHistory(), databaseWithSeedHistory()]);
  });

  afterAll(async () => {
    for (const d of [byHandlers, byFastPath]) {
      await d?.pool.end();
      await d?.db.drop();
    }
  });

  it('imports through the handlers with no refusal, inside the real project periods, every event marked synthetic', async () => {
    const report = await new HistoryImporter(byHandlers).importChunks(syntheticPilot(small), {
      batch: syntheticBatch(42),
      concurrency: 4,
    });
    expect(report.refused).toEqual([]);
    expect(report.applied).toBe(report.facts);
    const { rows } = await byHandlers.pool.query(
      `SELECT count(*) FILTER (WHERE metadata->>'synthetic' = 'true') AS synthetic,
              count(*) FILTER (WHERE metadata->>'factId' LIKE 'syn42-%') AS generated
         FROM es_events`,
    );
    expect(Number(rows[0].synthetic)).toBe(report.eventsAppended);
    expect(Number(rows[0].generated)).toBe(report.eventsAppended);
  });

  it('writes by the fast path exactly the streams, events, ids, data and metadata the handlers wrote', async () => {
    const report = await loadSyntheticPilotFast(byFastPath.store, small, { tenants: byFastPath.tenants });
    expect(report.alreadyStored).toBe(0);
    const [handlers, fast] = await Promise.all([contents(byHandlers.pool), contents(byFastPath.pool)]);
    expect(fast.length).toBeGreaterThan(500);
    expect(fast).toEqual(handlers);
  });

  it('writes nothing when the fast path runs again over the same store', async () => {
    const before = (await contents(byFastPath.pool)).length;
    const again = await loadSyntheticPilotFast(byFastPath.store, small, { tenants: byFastPath.tenants });
    expect(again.events).toBe(0);
    expect(again.alreadyStored).toBe(again.streams);
    expect((await contents(byFastPath.pool)).length).toBe(before);
  });
});
