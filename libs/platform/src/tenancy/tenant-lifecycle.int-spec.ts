import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Pool } from 'pg';
import { createPool } from '../database/pool';
import { createTestDatabase, type TestDatabase } from '../database/test-database';
import type { EventToAppend } from '../event-store/event-store.port';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { TenantDataEraser } from './tenant-data-eraser';
import { PostgresTenantDirectory } from './tenant-directory.postgres';
import { TenantLifecycle } from './tenant-lifecycle';

function fact(tenantId: string): EventToAppend {
  const id = randomUUID();
  return {
    id,
    type: 'test.Fact.v1',
    data: { id },
    metadata: {
      tenantId,
      commandId: id,
      correlationId: id,
      causationId: id,
      actor: { sub: 'admin', role: 'tenant-admin', tenantId },
      occurredAt: '2021-01-04',
      schemaVersion: 1,
    },
  };
}

describe('offboarding a tenant (PostgreSQL)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let dir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPool(db.url, { max: 4 });
    dir = mkdtempSync(join(tmpdir(), 'kooperacja-offboard-'));
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports and deletes events committed while an older transaction elsewhere on the server is still open', async () => {
    // Readers of the log stop below the oldest open transaction on the server: this one hides
    // the events appended after it began until it ends.
    const other = new Client({ connectionString: db.url });
    await other.connect();
    await other.query('BEGIN');
    await other.query('SELECT pg_current_xact_id()');
    const store = new PostgresEventStore(pool);
    await store.append('mr3', 'test.stream-1', [fact('mr3'), fact('mr3')], 'no_stream');

    const lifecycle = new TenantLifecycle(pool, store, new PostgresTenantDirectory(pool), new TenantDataEraser(pool));
    const offboarding = lifecycle.offboard('mr3', { exportDir: dir, actor: { sub: 'op', role: 'platform-operator' } });
    await new Promise((r) => setTimeout(r, 300));
    await other.query('COMMIT');
    await other.end();

    const report = await offboarding;
    expect(report).toMatchObject({ exportedEvents: 2, deleted: { events: 2 }, remainingEvents: 0 });
    expect(readFileSync(report.exportFile!, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('lets a one-off reader wait until the commits made before it are readable', async () => {
    const store = new PostgresEventStore(pool);
    const other = new Client({ connectionString: db.url });
    await other.connect();
    await other.query('BEGIN');
    await other.query('SELECT pg_current_xact_id()');
    await store.append('mr1', 'test.stream-2', [fact('mr1')], 'no_stream');
    expect(await store.readAll({ tenant: 'mr1' })).toHaveLength(0); // hidden by the open transaction
    const waiting = store.untilReadable('mr1');
    setTimeout(() => void other.query('COMMIT').then(() => other.end()), 200);
    await waiting;
    expect(await store.readAll({ tenant: 'mr1' })).toHaveLength(1);
  });
});
