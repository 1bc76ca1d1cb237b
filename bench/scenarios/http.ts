import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { startApi } from '../api-process';
import { percentile } from '../stats';
import type { Scenario } from './scenario';

const CONNECTIONS = 32;
const COMMANDS_PER_SECOND = 1_500;
const P99_MS = 50;
const COMPARISON_P95_MS = 30;
const ANALYSTS = 4;

/**
 * Scenario 6: `POST /api/v1/tenants/mr1/pilot/cases` (enrol a family) from 32 connections, each
 * request a new case — a new aggregate — at a pilot site of the demo data, with a tenant-admin
 * token and an Idempotency-Key: authentication, tenant and role guards, validation, the
 * idempotency record, load–decide–append and the response, as in production. Figure: commands
 * per second over the timed window (after a warm-up); p50/p99 of the same window.
 */
export const httpCommandsScenario: Scenario = {
  id: '6',
  title: 'HTTP commands, 32 clients (autocannon)',
  unit: 'commands/s',
  fixture: 'demo',
  contenders: ['ours'],
  target: {
    text: `≥${COMMANDS_PER_SECOND.toLocaleString('en-US')} commands/s, p99 <${P99_MS} ms`,
    met: (f) => f.value >= COMMANDS_PER_SECOND && (f.details.p99 ?? Infinity) < P99_MS,
  },
  async measure({ url, quick }) {
    const site = await aPilotSite(url, 'mr1');
    const api = await startApi(url);
    try {
      const token = api.token('tenant-admin', 'mr1');
      let seq = 0;
      const enrol = (phase: string) => ({
        url: `${api.baseUrl}/api/v1/tenants/mr1/pilot/cases`,
        connections: CONNECTIONS,
        duration: quick ? 3 : phase === 'warm' ? 5 : 20,
        requests: [
          {
            method: 'POST' as const,
            setupRequest: (request: autocannon.Request) => {
              const n = ++seq;
              return {
                ...request,
                headers: {
                  authorization: `Bearer ${token}`,
                  'content-type': 'application/json',
                  'idempotency-key': `bench-${phase}-${n}-${process.pid}`,
                },
                body: JSON.stringify({
                  caseId: `B${phase === 'warm' ? 'W' : 'T'}-${n}`,
                  siteTeryt: site.teryt,
                  householdSize: 1 + (n % 6),
                  caseUnit: 'ipw',
                  occurredAt: site.enrolledOn,
                }),
              };
            },
          },
        ],
      });
      await load(enrol('warm'));
      const result = await load(enrol('timed'));
      return {
        value: result.requests.average,
        details: { p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total },
      };
    } finally {
      await api.stop();
    }
  },
};

/**
 * Scenario 7: `GET /api/v1/comparison` (JSON, every indicator, all tenants, business time) over
 * the `million` fixture, its cube rebuilt before the API starts; 4 analysts asking at once, each
 * again as soon as answered (1,000 answers timed after 100 of warm-up). Figure: p95 latency.
 */
export const comparisonQueryScenario: Scenario = {
  id: '7',
  title: 'GET /api/v1/comparison, 1,000,000 events',
  unit: 'ms (p95)',
  fixture: 'million',
  contenders: ['ours'],
  target: {
    text: `p95 <${COMPARISON_P95_MS} ms`,
    met: (f) => f.value < COMPARISON_P95_MS,
  },
  async measure({ url, quick }) {
    await rebuildComparison(url);
    const api = await startApi(url);
    try {
      const request = {
        url: `${api.baseUrl}/api/v1/comparison?asOf=2021-06-30`,
        headers: { authorization: `Bearer ${api.token('analyst')}` },
      };
      await analysts(request, quick ? 20 : 100);
      const latencies = await analysts(request, quick ? 100 : 1_000);
      return {
        value: percentile(latencies, 95),
        details: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), requests: latencies.length },
      };
    } finally {
      await api.stop();
    }
  },
};

/**
 * `ANALYSTS` callers, each asking again as soon as answered, until `total` answers; their
 * latencies, each until the whole body has arrived. Each caller parses its first body to check
 * it is the comparison; after that the same length is enough (parsing 200 kB of JSON in the
 * load generator would be timed as the server's).
 */
async function analysts(request: { url: string; headers: Record<string, string> }, total: number): Promise<number[]> {
  const latencies: number[] = [];
  const analyst = async () => {
    let expectedLength: number | undefined;
    while (latencies.length < total) {
      const started = performance.now();
      const response = await fetch(request.url, { headers: request.headers });
      const text = await response.text();
      const elapsed = performance.now() - started;
      if (expectedLength === undefined && response.ok) {
        const body = JSON.parse(text) as { indicators?: unknown[] };
        if (body.indicators?.length) expectedLength = text.length;
      }
      if (!response.ok || text.length !== expectedLength) {
        throw new Error(`GET /api/v1/comparison: ${response.status} ${text.slice(0, 300)}`);
      }
      latencies.push(elapsed);
    }
  };
  await Promise.all(Array.from({ length: ANALYSTS }, analyst));
  return latencies;
}

/** Runs autocannon; any non-2xx answer or error fails the run (a fast wrong answer is no figure). */
async function load(options: autocannon.Options): Promise<autocannon.Result> {
  const result = await autocannon(options);
  if (result.errors || result.non2xx || result.timeouts) {
    throw new Error(
      `${options.url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts ` +
        `of ${result.requests.total}`,
    );
  }
  return result;
}

async function aPilotSite(url: string, tenant: string): Promise<{ teryt: string; enrolledOn: string }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ teryt: string; on: string }>(
      `SELECT data->>'siteTeryt' AS teryt, data->>'enrolledOn' AS on FROM es_events
        WHERE tenant_id = $1 AND event_type LIKE 'pilot.CaseEnrolled.%' ORDER BY global_position LIMIT 1`,
      [tenant],
    );
    if (!rows[0]) throw new Error(`the fixture has no case enrolled in ${tenant}`);
    return { teryt: rows[0].teryt, enrolledOn: rows[0].on };
  } finally {
    await client.end();
  }
}

/** The comparison's cube, rebuilt from the fixture's log (scenario 5 times this; here it is setup). */
async function rebuildComparison(url: string): Promise<void> {
  const [{ comparisonMetricsProjection }, platform] = await Promise.all([
    import('@kooperacja/comparison'),
    import('@kooperacja/platform'),
  ]);
  const pool = platform.createPool(url, { max: 6, applicationName: 'bench-comparison-rebuild' });
  try {
    const store = platform.protectPersonalData(new platform.PostgresEventStore(pool), pool);
    await new platform.ProjectionRebuilder(pool, store, url).rebuild(comparisonMetricsProjection());
  } finally {
    await pool.end();
  }
}
