import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import {
  appRoleName,
  createPool,
  inAggregateScope,
  inTenant,
  PartitionWorker,
  PostgresEventStore,
  ProjectionRebuilder,
  ProjectionRunner,
  ProjectionSchema,
  versionedTable,
  type Projection,
} from '@kooperacja/platform';
import { createTestDatabase, eventually, type TestDatabase } from '@kooperacja/platform/testing';
import { appendHistory, history as h, type HistoryEvent } from '../testing/history';
import { comparisonEntities } from './comparison-metrics.entity';
import {
  COMPARISON_PROJECTION,
  comparisonMetricsProjection,
  FRESHNESS_TABLE,
  METRICS_TABLE,
  QUARTERS_TABLE,
  STATE_TABLE,
} from './comparison-metrics.projection';
import { readFreshness, readQuarterSums } from './comparison-metrics.query';
import { METRIC } from './metrics';

const KARTUZY = '2205023';
const ZUKOWO = '2205063';
const RZESZOW_GMINA = '1816022';

/** A macroregion's history across every context the comparison reads. */
function macroregion(tenant: string, site: string, cases: number): HistoryEvent[] {
  const events: HistoryEvent[] = [
    h.partnership('2018-03-20', { total: '34 895 692,40' }),
    h.target('jst-in-pilot', 30, '2018-05-01', 'jst'),
    h.target('families-enrolled', 172, '2018-05-01', 'families'),
    h.target('plans-completed', 140, '2018-05-01', 'plans'),
    h.municipalityInvited(site, '2018-05-01'),
    h.participationDeclared(site, '2018-06-01'),
    h.agreementSigned(site, '2018-09-03'),
    h.pilotSiteRecruited(site, '2019-01-15'),
    h.groupConvened(`${tenant}-pzk`, 'PZK', '2019-01-10'),
    h.memberJoined(`${tenant}-pzk`, `${tenant}-a`, '2019-01-10', { institution: 'OPS', sector: 'social-assistance' }),
    h.memberJoined(`${tenant}-pzk`, `${tenant}-b`, '2019-01-10', { institution: 'Szkoła', sector: 'education' }),
    h.meetingHeld(`${tenant}-pzk`, `${tenant}-m1`, '2019-01-20'),
    h.decisionProposed(`${tenant}-d1`, `${tenant}-pzk`, '2019-01-20'),
    h.decisionAdopted(`${tenant}-d1`, `${tenant}-pzk`, '2019-01-20'),
    h.coaching(site, '2019-03-01', 'group', 4, 6),
  ];
  for (let i = 1; i <= cases; i++) {
    const id = `${tenant}-C-${String(i).padStart(4, '0')}`;
    events.push(
      h.caseEnrolled(id, site, '2019-02-01', 3),
      h.planAgreed(id, 1, '2019-02-10'),
      h.caseTeamMeeting(id, 1, 1, `2019-03-${String(1 + (i % 27)).padStart(2, '0')}`),
      h.planCompleted(id, 1, '2019-11-15', i % 5 === 0 ? 'failure' : 'success'),
    );
  }
  return events;
}

jest.setTimeout(120_000);

describe('the comparison projection on PostgreSQL', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let reader: DataSource;

  beforeEach(async () => {
    db = await createTestDatabase();
    pool = createPool(db.url, { max: 10 });
    store = new PostgresEventStore(pool);
    reader = await new DataSource({ type: 'postgres', url: db.appUrl, entities: comparisonEntities }).initialize();
  });
  afterEach(async () => {
    await reader.destroy();
    await pool.end();
    await db.drop();
  });

  /**
   * Applies every event of both tenants. The log shows a reader only transactions older than the
   * oldest one running on the server (other test files' too), so this polls until all are in.
   */
  const catchUp = async (projection: Projection, version = 1, batchSize = 50) => {
    for (const tenant of ['mr1', 'mr2']) {
      const worker = new PartitionWorker(pool, store, projection, version, tenant, batchSize);
      await eventually(
        async () => {
          await worker.catchUp();
          expect(await applied(version, tenant)).toBe(await stored(tenant));
        },
        { timeoutMs: 30_000 },
      );
    }
  };
  const applied = async (version: number, tenant: string) => {
    const { rows } = await pool.query<{ n: number }>(
      `SELECT coalesce(sum(events_applied), 0)::int AS n FROM projection_checkpoints
        WHERE projection = $1 AND version = $2 AND tenant_id = $3`,
      [COMPARISON_PROJECTION, version, tenant],
    );
    return rows[0].n;
  };
  /** Events of the tenant the projection handles (it never reads the others). */
  const stored = async (tenant: string) => {
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM es_events WHERE tenant_id = $1 AND event_type = ANY($2)`,
      [tenant, comparisonMetricsProjection().handles],
    );
    return rows[0].n;
  };
  const activate = (projection: Projection) => new ProjectionSchema(pool, appRoleName()).ensureActive(projection);
  /** One md5 over every row of the three tables of a version, in a fixed order. */
  const checksum = async (version: number) => {
    const out: Record<string, string> = {};
    for (const base of [METRICS_TABLE, QUARTERS_TABLE, FRESHNESS_TABLE, STATE_TABLE]) {
      const { rows } = await pool.query<{ sum: string; n: number }>(
        `SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS sum, count(*)::int AS n
           FROM ${versionedTable(base, version)} t`,
      );
      out[base] = `${rows[0].n}:${rows[0].sum}`;
    }
    return out;
  };

  it('turns events into rows that analysts read across tenants, each tenant with its freshness', async () => {
    await appendHistory(store, 'mr1', macroregion('mr1', RZESZOW_GMINA, 20));
    await appendHistory(store, 'mr2', macroregion('mr2', KARTUZY, 5));
    const projection = comparisonMetricsProjection();
    await activate(projection);
    await catchUp(projection);

    const { sums, freshness } = await inAggregateScope(reader, async (em) => ({
      sums: await readQuarterSums(em, { tenants: ['mr1', 'mr2'] }),
      freshness: await readFreshness(em, ['mr1', 'mr2', 'mr3']),
    }));
    const total = (tenant: string, metric: string, dimension?: string, of: 'count' | 'value' = 'count') =>
      sums
        .filter(
          (s) => s.tenantId === tenant && s.metric === metric && (dimension === undefined || s.dimension === dimension),
        )
        .reduce((n, s) => n + s[of], 0);
    expect([total('mr1', METRIC.casesEnrolled), total('mr2', METRIC.casesEnrolled)]).toEqual([20, 5]);
    expect(total('mr1', METRIC.plansCompleted, 'success')).toBe(16);
    expect(total('mr1', METRIC.jstInPilot)).toBe(1);
    expect(total('mr1', METRIC.institutions)).toBe(2);
    expect(total('mr2', METRIC.target, 'families-enrolled', 'value')).toBe(172);
    expect(total('mr1', METRIC.budget, 'total', 'value')).toBe(34895692.4);
    expect(sums.find((s) => s.metric === METRIC.casesEnrolled && s.tenantId === 'mr1')?.quarter).toBe('2019-Q1');

    const { rows: checkpoints } = await pool.query<{ tenant_id: string; position: string; at: Date }>(
      `SELECT tenant_id, commit_position::text || '/' || prepare_position AS position, last_recorded_at AS at
         FROM projection_checkpoints WHERE projection = $1 ORDER BY tenant_id`,
      [COMPARISON_PROJECTION],
    );
    expect(freshness).toEqual([
      ...checkpoints.map((c) => ({ tenantId: c.tenant_id, position: c.position, recordedAt: c.at.toISOString() })),
      { tenantId: 'mr3', position: null, recordedAt: null },
    ]);

    // The per-entity state stays the tenant's own: the application role sees none of it without its tenant.
    const state = async (tenant?: string) => {
      const count = (em: import('typeorm').EntityManager) =>
        em.query(`SELECT count(*)::int AS n FROM ${STATE_TABLE}`) as Promise<{ n: number }[]>;
      return (tenant ? await inTenant(reader, tenant, count) : await inAggregateScope(reader, count))[0].n;
    };
    expect(await state()).toBe(0);
    expect(await state('mr2')).toBeGreaterThan(5);
  });

  it('gives the same rows when the same events are applied twice, and when rebuilt into a fresh version', async () => {
    await appendHistory(store, 'mr1', macroregion('mr1', RZESZOW_GMINA, 30));
    await appendHistory(store, 'mr2', macroregion('mr2', KARTUZY, 12));
    const projection = comparisonMetricsProjection();
    await activate(projection);
    await catchUp(projection, 1, 37);
    const live = await checksum(1);
    expect(Number(live[METRICS_TABLE].split(':')[0])).toBeGreaterThan(20);

    // Every event of mr1 once more, in one batch and then in two, as if the checkpoint had not moved.
    const again = await store.readAll({ tenant: 'mr1', eventTypePrefixes: projection.handles, limit: 10_000 });
    for (const batch of [again, again.slice(0, 40), again.slice(40)]) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`SELECT set_config('app.tenant_id', 'mr1', true)`);
        await projection.apply(batch, { tenantId: 'mr1', client, table: (b) => versionedTable(b, 1) });
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    }
    expect(await checksum(1)).toEqual(live);

    const rebuilt = await new ProjectionRebuilder(pool, store, db.url, { batchSize: 500 }).rebuild(projection);
    expect(rebuilt).toMatchObject({ fromVersion: 1, toVersion: 2 });
    await catchUp(projection, 2); // what the live runner does after the swap, should the rebuild have stopped short
    expect(await checksum(2)).toEqual(live);
  });

  it('a projector killed mid-batch and restarted ends with the rows of a rebuild from zero', async () => {
    await appendHistory(store, 'mr1', macroregion('mr1', RZESZOW_GMINA, 25));
    await appendHistory(store, 'mr2', macroregion('mr2', ZUKOWO, 8));
    const healthy = comparisonMetricsProjection();
    await activate(healthy);

    // Dies in its third batch once its rows are written, before the checkpoint moves.
    let batches = 0;
    let cubeWritten = false;
    const dying: Projection = {
      ...healthy,
      async apply(events, batch) {
        batches++;
        const client = batches < 3 ? batch.client : killAfterCubeWrite(batch.client, () => (cubeWritten = true));
        await healthy.apply(events, { ...batch, client });
      },
    };
    const worker = new PartitionWorker(pool, store, dying, 1, 'mr1', 40);
    await worker.runBatch();
    await worker.runBatch();
    await expect(worker.runBatch()).rejects.toThrow('killed');
    expect(cubeWritten).toBe(true);

    const restarted = new ProjectionRunner(pool, store, [healthy], {
      databaseUrl: db.url,
      batchSize: 40,
      pollIntervalMs: 10,
      maxPollIntervalMs: 50,
      refreshIntervalMs: 100,
    });
    await restarted.start();
    try {
      await eventually(
        async () =>
          expect([await applied(1, 'mr1'), await applied(1, 'mr2')]).toEqual([
            await stored('mr1'),
            await stored('mr2'),
          ]),
        { timeoutMs: 30_000 },
      );
    } finally {
      await restarted.stop();
    }
    const live = await checksum(1);

    await new ProjectionRebuilder(pool, store, db.url).rebuild(healthy);
    await catchUp(healthy, 2);
    expect(await checksum(2)).toEqual(live);
  });

  it('answers "as things were" by business time and "as the data stood" by record time when history is entered late', async () => {
    const ids = await appendHistory(store, 'mr2', [
      h.partnership('2018-03-20', { total: '11 977 479,39' }),
      h.agreementSigned(KARTUZY, '2018-09-03'),
      h.agreementSigned(ZUKOWO, '2018-10-01'),
      h.municipalityWithdrew(ZUKOWO, '2019-03-01'),
      h.target('jst-under-agreement', 30, '2018-05-01', 'jst'),
    ]);
    // Kartuzy was entered the day after signing; the rest years later, on two days.
    const recordedAt = [
      '2018-03-21T10:00:00Z',
      '2018-09-04T10:00:00Z',
      '2023-05-10T10:00:00Z',
      '2023-05-11T10:00:00Z',
      '2023-05-11T10:00:00Z',
    ];
    for (const [i, id] of ids.entries()) {
      await pool.query('UPDATE es_events SET recorded_at = $2 WHERE event_id = $1', [id, recordedAt[i]]);
    }
    const projection = comparisonMetricsProjection();
    await activate(projection);
    await catchUp(projection);

    const underAgreement = async (bounds: { occurredBy?: string; recordedBy?: string }) => {
      const sums = await inAggregateScope(reader, (em) =>
        readQuarterSums(em, { tenants: ['mr2'], metrics: [METRIC.jstUnderAgreement, METRIC.target], ...bounds }),
      );
      const sum = (metric: string, of: 'count' | 'value') =>
        sums.filter((s) => s.metric === metric).reduce((n, s) => n + s[of], 0);
      return [sum(METRIC.jstUnderAgreement, 'count'), sum(METRIC.target, 'value')];
    };
    expect(await underAgreement({ occurredBy: '2018-12-31' })).toEqual([2, 30]); // as things were, known now
    expect(await underAgreement({ occurredBy: '2019-03-01' })).toEqual([1, 30]);
    expect(await underAgreement({ recordedBy: '2022-12-31' })).toEqual([1, 0]); // as the data stood then
    expect(await underAgreement({ recordedBy: '2023-05-10' })).toEqual([2, 0]);
    expect(await underAgreement({ recordedBy: '2023-05-11' })).toEqual([1, 30]);
  });

  it('sums whole quarters from the quarterly cube and the rest from the daily one, for any pair of bounds', async () => {
    const events = macroregion('mr1', RZESZOW_GMINA, 30);
    const ids = await appendHistory(store, 'mr1', events);
    // Recorded over two years, so record quarters differ from business ones.
    for (const [i, id] of ids.entries()) {
      const day = new Date(Date.UTC(2019, 0, 1) + i * 5 * 86_400_000).toISOString();
      await pool.query('UPDATE es_events SET recorded_at = $2 WHERE event_id = $1', [id, day]);
    }
    const projection = comparisonMetricsProjection();
    await activate(projection);
    await catchUp(projection, 1, 23);

    const naive = async (occurredBy: string, recordedBy: string) => {
      const { rows } = await pool.query<{ k: string; v: number; n: number }>(
        `SELECT metric || '/' || dimension || '/' || to_char(occurred_on, 'YYYY-"Q"Q') AS k,
                sum(value)::float8 AS v, sum(count)::float8 AS n
           FROM ${versionedTable(METRICS_TABLE, 1)}
          WHERE occurred_on <= $1 AND recorded_on <= $2 GROUP BY 1 HAVING sum(value) <> 0 OR sum(count) <> 0`,
        [occurredBy, recordedBy],
      );
      return Object.fromEntries(rows.map((r) => [r.k, [r.v, r.n]]));
    };
    const read = async (occurredBy?: string, recordedBy?: string) => {
      const sums = await inAggregateScope(reader, (em) =>
        readQuarterSums(em, { tenants: ['mr1'], occurredBy, recordedBy }),
      );
      return Object.fromEntries(
        sums
          .filter((s) => s.value !== 0 || s.count !== 0)
          .map((s) => [`${s.metric}/${s.dimension}/${s.quarter}`, [s.value, s.count]]),
      );
    };
    for (const [x, y] of [
      ['2019-05-17', undefined],
      [undefined, '2019-08-02'],
      ['2019-02-14', '2019-11-30'],
      ['2018-12-31', '2019-03-31'],
      ['2019-11-15', '2019-04-01'],
      [undefined, undefined],
    ] as const) {
      expect(await read(x, y)).toEqual(await naive(x ?? '9999-12-31', y ?? '9999-12-31'));
    }
  });
});

/** A client that dies right after the batch's writes went through, before the checkpoint moves: a crash mid-batch. */
function killAfterCubeWrite(client: PoolClient, onCubeWrite: () => void): PoolClient {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop !== 'query') return Reflect.get(target, prop, receiver) as unknown;
      return async (text: string, values?: unknown[]) => {
        const result = await target.query(text, values);
        if (typeof text === 'string' && text.includes(`INTO ${versionedTable(METRICS_TABLE, 1)}`)) {
          onCubeWrite();
          throw new Error('killed in the middle of a batch');
        }
        return result;
      };
    },
  });
}
