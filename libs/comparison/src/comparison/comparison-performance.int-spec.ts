import type { AddressInfo } from 'node:net';
import { PostgresTenantDirectory, ProjectionRebuilder, versionedTable, type Projection } from '@kooperacja/platform';
import { loadSyntheticPilotFast } from '@kooperacja/history';
import { comparisonMetricsProjection, METRICS_TABLE } from '../comparison-metrics/comparison-metrics.projection';
import { startComparisonApp, type ComparisonApp } from '../testing/comparison-app';
import { writeSyntheticLog } from '../testing/synthetic-log';
import type { ComparisonResult } from './comparison.service';

/**
 * Rebuild speed of the comparison projection and latency of GET /api/v1/comparison on a large
 * log: the synthetic pilot of libs/history (`COMPARISON_PERF_JST` JST per tenant; 1500 gives about
 * a million events), or this context's own synthetic log (`COMPARISON_PERF_EVENTS`). Small by
 * default (a smoke in the int suite). Prints its figures; asserts what must hold at any size.
 */
const JST = Number(process.env.COMPARISON_PERF_JST ?? 12);
const EVENTS = process.env.COMPARISON_PERF_EVENTS ? Number(process.env.COMPARISON_PERF_EVENTS) : null;
const REQUESTS = Number(process.env.COMPARISON_PERF_REQUESTS ?? 100);

jest.setTimeout(3_600_000);

describe('the comparison at scale', () => {
  let e2e: ComparisonApp;

  beforeAll(async () => {
    e2e = await startComparisonApp();
  });
  afterAll(() => e2e?.close());

  it('rebuilds from the whole log set-based and answers the comparison from a small cube', async () => {
    const tenants = new PostgresTenantDirectory(e2e.owner);
    const written = EVENTS
      ? await writeSyntheticLog(e2e.owner, ['mr1', 'mr2', 'mr3'], EVENTS)
      : (await loadSyntheticPilotFast(e2e.store, { jstPerTenant: JST }, { tenants })).events;
    await e2e.owner.query('ANALYZE es_events');

    // The limit on this machine, in the same run: a projection that only counts events by type, set-based.
    const counting: Projection = {
      name: 'comparison-perf-baseline',
      handles: comparisonMetricsProjection().handles,
      tables: ['rm_comparison_perf_baseline'],
      ddl: (t) => [
        `CREATE TABLE ${t('rm_comparison_perf_baseline')} (tenant_id text, event_type text, n bigint, PRIMARY KEY (tenant_id, event_type))`,
      ],
      async apply(events, batch) {
        await batch.client.query(
          `INSERT INTO ${batch.table('rm_comparison_perf_baseline')} AS c (tenant_id, event_type, n)
           SELECT $1, t, count(*) FROM unnest($2::text[]) AS t GROUP BY t
           ON CONFLICT (tenant_id, event_type) DO UPDATE SET n = c.n + EXCLUDED.n`,
          [batch.tenantId, events.map((e) => e.type)],
        );
      },
    };
    const baseline = await new ProjectionRebuilder(e2e.owner, e2e.store, e2e.db.url, { batchSize: 2000 }).rebuild(
      counting,
    );

    const projection = comparisonMetricsProjection();
    const rebuild = await new ProjectionRebuilder(e2e.owner, e2e.store, e2e.db.url, { batchSize: 2000 }).rebuild(
      projection,
    );
    await e2e.project(['mr1', 'mr2', 'mr3']); // anything the rebuild's last short read left for the live runner
    const { rows } = await e2e.owner.query<{ rows: number; events: number }>(
      `SELECT (SELECT count(*)::int FROM ${versionedTable(METRICS_TABLE, rebuild.toVersion)}) AS rows,
              (SELECT sum(events_applied)::int FROM projection_checkpoints
                WHERE projection = $1 AND version = $2) AS events`,
      [projection.name, rebuild.toVersion],
    );
    expect(rows[0].events).toBeGreaterThan(written / 3);
    await e2e.owner.query(`ANALYZE ${versionedTable(METRICS_TABLE, rebuild.toVersion)}`);

    await e2e.app.listen(0, '127.0.0.1');
    const port = (e2e.app.getHttpServer().address() as AddressInfo).port;
    const token = e2e.token('analyst');
    const ask = async (query: string) => {
      const started = process.hrtime.bigint();
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/comparison?${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await res.json()) as ComparisonResult;
      expect(res.status).toBe(200);
      return { ms: Number(process.hrtime.bigint() - started) / 1e6, body };
    };
    const { body } = await ask('asOf=2021-06-30');
    expect(body.tenants.map((t) => t.id)).toEqual(['mr1', 'mr2', 'mr3']);
    expect(body.indicators.find((i) => i.code === 'families-enrolled')!.rows.every((r) => (r.actual ?? 0) > 0)).toBe(
      true,
    );

    const timings: Record<string, number[]> = { business: [], record: [], oneIndicator: [] };
    for (let i = 0; i < REQUESTS; i++) {
      timings.business.push((await ask('asOf=2021-06-30')).ms);
      timings.record.push((await ask(`asOfKind=record&asOf=${new Date().toISOString().slice(0, 10)}`)).ms);
      timings.oneIndicator.push((await ask('asOf=2020-12-31&indicator=plan-success-rate')).ms);
    }
    const handled = await e2e.owner.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM es_events WHERE event_type = ANY($1)',
      [projection.handles],
    );
    const pct = (xs: number[], p: number) =>
      [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
    const report = {
      events: written,
      eventsHandled: handled.rows[0].n,
      rebuildSeconds: rebuild.seconds,
      rebuildLogEventsPerSecond: Math.round(written / rebuild.seconds),
      rebuildHandledEventsPerSecond: Math.round(rebuild.events / rebuild.seconds),
      countingProjectionEventsPerSecond: Math.round(baseline.events / baseline.seconds),
      cubeRows: rows[0].rows,
      responseBytes: JSON.stringify(body).length,
      ...Object.fromEntries(
        Object.entries(timings).map(([k, xs]) => [
          k,
          { p50: +pct(xs, 0.5).toFixed(1), p95: +pct(xs, 0.95).toFixed(1) },
        ]),
      ),
    };
    console.warn(`comparison at scale: ${JSON.stringify(report)}`);
  });
});
