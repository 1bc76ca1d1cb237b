import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { createPool } from '../database/pool';
import { createTestDatabase, type TestDatabase } from '../database/test-database';
import type { EventToAppend, RecordedEvent } from '../event-store/event-store.port';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { eventually } from '../testing/eventually';
import type { Projection, ProjectionBatch } from './projection';
import { ProjectionRebuilder, RebuildInProgressError } from './projection-rebuilder';
import { ProjectionRunner } from './projection-runner';
import { projectionLag } from './projection-status';

/** Counts handled events per tenant and type; optionally fails after writing, mid-batch. */
function countingProjection(options: { failOnNth?: { n: number } } = {}): Projection {
  let seen = 0;
  return {
    name: 'test-counts',
    handles: ['test.Counted.v1', 'test.Other.v1'],
    tables: ['rm_test_counts'],
    ddl: (t) => [
      `CREATE TABLE ${t('rm_test_counts')} (tenant_id text NOT NULL, event_type text NOT NULL, n bigint NOT NULL,
         last_id uuid, PRIMARY KEY (tenant_id, event_type))`,
    ],
    async apply(events: readonly RecordedEvent[], batch: ProjectionBatch) {
      for (const e of events) {
        await batch.client.query(
          `INSERT INTO ${batch.table('rm_test_counts')} (tenant_id, event_type, n, last_id) VALUES ($1, $2, 1, $3)
           ON CONFLICT (tenant_id, event_type) DO UPDATE SET n = ${batch.table('rm_test_counts')}.n + 1, last_id = $3`,
          [batch.tenantId, e.type, e.id],
        );
        seen++;
        if (options.failOnNth && seen === options.failOnNth.n) throw new Error('simulated crash mid-batch');
      }
    },
  };
}

function events(tenantId: string, n: number, type = 'test.Counted.v1'): EventToAppend[] {
  return Array.from({ length: n }, () => {
    const id = randomUUID();
    return {
      id,
      type,
      data: { id },
      metadata: {
        tenantId,
        commandId: id,
        correlationId: id,
        causationId: id,
        actor: { sub: 'test', role: 'tenant-admin', tenantId },
        occurredAt: '2020-01-01',
        schemaVersion: 1,
      },
    };
  });
}

async function counts(pool: Pool): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ tenant_id: string; event_type: string; n: string }>(
    'SELECT tenant_id, event_type, n FROM rm_test_counts ORDER BY 1, 2',
  );
  return Object.fromEntries(rows.map((r) => [`${r.tenant_id}/${r.event_type}`, Number(r.n)]));
}

describe('projection runner', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;

  beforeEach(async () => {
    db = await createTestDatabase();
    pool = createPool(db.url, { max: 10 });
    store = new PostgresEventStore(pool);
  });
  afterEach(async () => {
    await pool.end();
    await db.drop();
  });

  const runner = (projection: Projection, batchSize = 50) =>
    new ProjectionRunner(pool, store, [projection], {
      databaseUrl: db.url,
      batchSize,
      pollIntervalMs: 10,
      maxPollIntervalMs: 50,
      refreshIntervalMs: 100,
    });

  it('projects each tenant’s events once, ignoring types it does not handle, and reports lag', async () => {
    await store.append('mr1', 's-1', events('mr1', 120), 'no_stream');
    await store.append('mr2', 's-1', events('mr2', 30), 'no_stream');
    await store.append('mr2', 's-2', events('mr2', 5, 'test.Ignored.v1'), 'no_stream');
    await store.append('mr2', 's-3', events('mr2', 7, 'test.Other.v1'), 'no_stream');
    const projection = countingProjection();
    const r = runner(projection);
    await r.start();
    await eventually(async () =>
      expect(await counts(pool)).toEqual({
        'mr1/test.Counted.v1': 120,
        'mr2/test.Counted.v1': 30,
        'mr2/test.Other.v1': 7,
      }),
    );
    await store.append('mr1', 's-1', events('mr1', 3), 119);
    await eventually(async () => expect((await counts(pool))['mr1/test.Counted.v1']).toBe(123));
    const lag = await eventually(async () => {
      const l = await projectionLag(pool, [projection]);
      expect(l.map((x) => [x.tenantId, x.eventsBehind, x.eventsApplied])).toEqual([
        ['mr1', 0, 123],
        ['mr2', 0, 37],
      ]);
      return l;
    });
    expect(lag[0].lastRecordedAt).not.toBeNull();
    await r.stop();
  });

  it('two processes on the same partitions never apply an event twice', async () => {
    const projection = countingProjection();
    const a = runner(projection, 7);
    const b = runner(projection, 7);
    await Promise.all([a.start(), b.start()]);
    await Promise.all(
      ['mr1', 'mr2', 'mr3'].map(async (t) => {
        for (let i = 0; i < 20; i++) await store.append(t, `s-${i}`, events(t, 5), 'no_stream');
      }),
    );
    await eventually(async () =>
      expect(await counts(pool)).toEqual({
        'mr1/test.Counted.v1': 100,
        'mr2/test.Counted.v1': 100,
        'mr3/test.Counted.v1': 100,
      }),
    );
    // Each partition is leased by exactly one of the two.
    const owned = [...a.owned(), ...b.owned()].sort();
    expect(owned).toEqual(['test-counts/mr1@1', 'test-counts/mr2@1', 'test-counts/mr3@1']);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('a crash mid-batch leaves no partial batch: the restarted runner ends equal to a rebuild', async () => {
    for (let i = 0; i < 10; i++) await store.append('mr1', `s-${i}`, events('mr1', 10), 'no_stream');
    const crashing = runner(countingProjection({ failOnNth: { n: 75 } }), 50);
    await crashing.start();
    await eventually(async () => expect((await counts(pool))['mr1/test.Counted.v1']).toBe(50));
    await crashing.stop(); // the second batch failed after writing 25 rows: all rolled back

    const restarted = runner(countingProjection(), 50);
    await restarted.start();
    await eventually(async () => expect((await counts(pool))['mr1/test.Counted.v1']).toBe(100));
    await restarted.stop();
    const live = await counts(pool);

    const result = await new ProjectionRebuilder(pool, store, db.url).rebuild(countingProjection());
    expect(result).toMatchObject({ fromVersion: 1, toVersion: 2, events: 100 });
    expect(await counts(pool)).toEqual(live);
  });

  it('rebuilds into a new version while the old one serves, refuses a second rebuild, then the live runner follows', async () => {
    for (let i = 0; i < 40; i++) await store.append('mr1', `s-${i}`, events('mr1', 25), 'no_stream');
    const projection = countingProjection();
    const live = runner(projection, 100);
    await live.start();
    await eventually(async () => expect((await counts(pool))['mr1/test.Counted.v1']).toBe(1000));

    let sawOldVersionDuringRebuild = false;
    const slow: Projection = {
      ...projection,
      async apply(evts, batch) {
        // The old version keeps answering readers while the new one fills.
        sawOldVersionDuringRebuild ||= (await counts(pool))['mr1/test.Counted.v1'] === 1000;
        await projection.apply(evts, batch);
      },
    };
    const first = new ProjectionRebuilder(pool, store, db.url, { batchSize: 100 }).rebuild(slow);
    // Once the first holds its lock (it marks the version it rebuilds), a second is refused.
    await eventually(
      async () => {
        const { rows } = await pool.query(`SELECT rebuilding_version FROM projection_versions WHERE projection = $1`, [
          projection.name,
        ]);
        expect(rows[0]?.rebuilding_version).toBe(2);
      },
      { timeoutMs: 5_000, intervalMs: 5 },
    );
    const second = await eventually(
      async () => {
        const error = await new ProjectionRebuilder(pool, store, db.url).rebuild(projection).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(RebuildInProgressError);
        return error;
      },
      { timeoutMs: 5_000, intervalMs: 5 },
    );
    expect(second).toBeInstanceOf(RebuildInProgressError);
    await expect(first).resolves.toMatchObject({ toVersion: 2, events: 1000 });
    expect(sawOldVersionDuringRebuild).toBe(true);

    await store.append('mr1', 's-0', events('mr1', 2), 24);
    await eventually(async () => {
      expect((await counts(pool))['mr1/test.Counted.v1']).toBe(1002);
      expect(live.owned()).toEqual(['test-counts/mr1@2']);
    });
    await live.stop();
  });

  it('rebuilds the whole set together from one read of each log: the rows of each projection, or none when one is busy', async () => {
    for (const tenant of ['mr1', 'mr2']) {
      for (let i = 0; i < 12; i++) {
        await store.append(
          tenant,
          `s-${i}`,
          [...events(tenant, 9), ...events(tenant, 4, 'test.Other.v1')],
          'no_stream',
        );
        await store.append(tenant, `u-${i}`, events(tenant, 3, 'test.Unhandled.v1'), 'no_stream');
      }
    }
    const counting = countingProjection();
    const others: Projection = {
      name: 'test-others',
      handles: ['test.Other.v1'],
      tables: ['rm_test_others'],
      ddl: (t) => [`CREATE TABLE ${t('rm_test_others')} (tenant_id text PRIMARY KEY, n bigint NOT NULL)`],
      async apply(evts, batch) {
        await batch.client.query(
          `INSERT INTO ${batch.table('rm_test_others')} AS o VALUES ($1, $2) ON CONFLICT (tenant_id) DO UPDATE SET n = o.n + $2`,
          [batch.tenantId, evts.length],
        );
      },
    };
    const rebuilder = new ProjectionRebuilder(pool, store, db.url, { batchSize: 40 });

    const busy = createPool(db.url, { max: 1 });
    const holder = await busy.connect();
    await holder.query(`SELECT pg_advisory_lock(hashtext('projection-rebuild'), hashtext('test-others'))`);
    await expect(rebuilder.rebuildAll([counting, others])).rejects.toBeInstanceOf(RebuildInProgressError);
    const { rows: untouched } = await pool.query(`SELECT projection FROM projection_versions ORDER BY 1`);
    expect(untouched).toEqual([]);
    holder.release();
    await busy.end();

    const results = await rebuilder.rebuildAll([counting, others]);
    expect(results.map((r) => [r.projection, r.toVersion, r.events])).toEqual([
      ['test-counts', 2, 2 * 12 * 13],
      ['test-others', 2, 2 * 12 * 4],
    ]);
    expect(await counts(pool)).toEqual({
      'mr1/test.Counted.v1': 108,
      'mr1/test.Other.v1': 48,
      'mr2/test.Counted.v1': 108,
      'mr2/test.Other.v1': 48,
    });
    const { rows } = await pool.query<{ tenant_id: string; n: string }>('SELECT * FROM rm_test_others ORDER BY 1');
    expect(rows.map((r) => [r.tenant_id, Number(r.n)])).toEqual([
      ['mr1', 48],
      ['mr2', 48],
    ]);

    // The live runner continues on the rebuilt version from the rebuild's checkpoints.
    const live = runner(others, 100);
    await live.start();
    await store.append('mr2', 's-0', events('mr2', 1, 'test.Other.v1'), 12);
    await eventually(async () =>
      expect((await pool.query('SELECT n FROM rm_test_others WHERE tenant_id = $1', ['mr2'])).rows[0].n).toBe('49'),
    );
    await live.stop();
  });
});
