import { join, resolve } from 'node:path';
import type { Pool } from 'pg';
import { allMigrations, allProjections } from '@kooperacja/composition';
import { loadDemoData } from '@kooperacja/history';
import {
  appRoleName,
  createPool,
  PostgresEventStore,
  PostgresTenantDirectory,
  ProjectionRebuilder,
  projectionLag,
  tenantsWithEvents,
  versionedTable,
  type Projection,
} from '@kooperacja/platform';
import { createTestDatabase, eventually, type TestDatabase } from '@kooperacja/platform/testing';
import { buildOnce } from './build-once';
import { killIfRunning, startChild, type Child } from './child-process';

jest.setTimeout(300_000);

const REPO_ROOT = resolve(__dirname, '../../../..');
const PROJECTOR = join(REPO_ROOT, 'dist/apps/projector/src/main.js');

/**
 * The projector as its own process, on real history: its database connections cut mid-run (it
 * recovers on its own), then SIGKILLed mid-batch and started again, then stopped with SIGTERM.
 * Its read models must equal, table for table, a rebuild of every projection from the first event.
 */
describe('projector killed and cut off mid-batch', () => {
  let db: TestDatabase;
  let pool: Pool;
  const projections = allProjections().filter((p) => p.tables.length > 0);
  const children: Child[] = [];

  beforeAll(async () => {
    await buildOnce();
    db = await createTestDatabase(allMigrations());
    pool = createPool(db.url, { max: 4 });
    const report = await loadDemoData(
      { store: new PostgresEventStore(pool), tenants: new PostgresTenantDirectory(pool) },
      () => undefined,
      { synthetic: { jstPerTenant: 5, familiesPerGmina: 2 } },
    );
    expect(report).not.toBeNull();
  });
  afterAll(async () => {
    children.forEach(killIfRunning);
    await pool?.end();
    await db?.drop();
  });

  const applied = async () => {
    const { rows } = await pool.query<{ n: string | null }>(
      `SELECT sum(events_applied) AS n FROM projection_checkpoints`,
    );
    return Number(rows[0].n ?? 0);
  };

  function start(): Child {
    const child = startChild(PROJECTOR, {
      ...process.env,
      DATABASE_URL: db.url,
      KAFKA_BROKERS: '',
      PROJECTION_POLL_MS: '20',
    });
    children.push(child);
    return child;
  }
  const withOutput = (child: Child) => (error: Error) => {
    throw new Error(`${error.message}
projector output:
${child.output()}`);
  };

  it('recovers from cut connections, and after SIGKILL and restart equals a rebuild from zero', async () => {
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM es_events`);
    const total = rows[0].n;
    expect(total).toBeGreaterThan(1_000);

    const first = start();
    await eventually(async () => expect(await applied()).toBeGreaterThan(0), {
      timeoutMs: 60_000,
      intervalMs: 10,
    }).catch(withOutput(first));
    // Cut every connection of the projector (pool and leases) from another session.
    const { rowCount: cut } = await pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND application_name LIKE 'kooperacja-projector%'`,
    );
    expect(cut).toBeGreaterThan(0);
    const afterCut = await applied();
    // It carries on by itself, without a restart.
    await eventually(async () => expect(await applied()).toBeGreaterThan(afterCut), {
      timeoutMs: 60_000,
      intervalMs: 10,
    }).catch(withOutput(first));
    expect(first.process.exitCode).toBeNull();
    first.process.kill('SIGKILL');
    await first.exited();
    const killedAt = await applied();

    const second = start();
    await eventually(
      async () => {
        // Every partition (projection × tenant with events) has a checkpoint, and none is behind.
        const lag = await projectionLag(pool, projections);
        expect(lag.length).toBe(projections.length * (await tenantsWithEvents(pool)).length);
        expect(lag.filter((p) => p.eventsBehind > 0)).toEqual([]);
      },
      { timeoutMs: 180_000, intervalMs: 200 },
    ).catch(withOutput(second));
    second.process.kill('SIGTERM');
    // A graceful stop: batches finished, checkpoints committed.
    expect({ code: await second.exited(), output: second.output() }).toEqual({
      code: 0,
      output: expect.stringContaining('SIGTERM: finishing the current batches'),
    });
    expect(await applied()).toBeGreaterThan(killedAt); // it was killed with work left to do

    const live = await checksums(projections);
    const rebuilder = new ProjectionRebuilder(pool, new PostgresEventStore(pool), db.url, {
      readerRole: appRoleName(),
    });
    for (const p of projections) await rebuilder.rebuild(p);
    const rebuilt = await checksums(projections);
    expect(Object.values(live).some((c) => !c.startsWith('0 '))).toBe(true);
    expect(live).toEqual(rebuilt);
  });

  /** Row count and an order-independent digest of every table of each projection's active version. */
  async function checksums(list: readonly Projection[]): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const p of list) {
      const { rows } = await pool.query<{ v: number }>(
        `SELECT active_version AS v FROM projection_versions WHERE projection = $1`,
        [p.name],
      );
      for (const base of p.tables) {
        const table = versionedTable(base, rows[0].v);
        const { rows: sum } = await pool.query<{ n: number; md5: string }>(
          `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5
             FROM ${table} t`,
        );
        out[`${p.name}/${base}`] = `${sum[0].n} ${sum[0].md5}`;
      }
    }
    return out;
  }
});
