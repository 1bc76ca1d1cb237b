// Databases the scenarios of the whole platform start from: built once per `npm run bench`, in a
// worker of their own, then copied for every run (`CREATE DATABASE … TEMPLATE`), so each run
// starts from the same bytes without paying for the load again.
import { Client } from 'pg';
import type { SyntheticPilotParams } from '@kooperacja/history';

export type FixtureName = 'demo' | 'million';

interface Fixture {
  readonly description: string;
  /** The synthetic pilot loaded after the seed history. */
  readonly full: Partial<SyntheticPilotParams>;
  readonly quick: Partial<SyntheticPilotParams>;
}

/**
 * `demo`: what `npm start` loads (seed history + the default synthetic pilot, about 25,000 events).
 * `million`: the seed history and a synthetic pilot of 630 JST per tenant with 20 families per
 * gmina: 1.39 million events (48,000 with --quick).
 */
export const FIXTURES: Readonly<Record<FixtureName, Fixture>> = {
  demo: { description: 'seed history + default synthetic pilot', full: {}, quick: {} },
  million: {
    description: 'seed history + synthetic pilot, 1M events',
    full: { jstPerTenant: 630, familiesPerGmina: 20 },
    quick: { jstPerTenant: 30, familiesPerGmina: 20 },
  },
};

export interface FixtureReport {
  readonly events: number;
  readonly seconds: number;
}

/**
 * Builds a fixture into the empty database at `url`: the platform's migrations, the seed history
 * through the handlers, the synthetic pilot by the fast path, then VACUUM ANALYZE, so that every
 * copy starts with fresh statistics and a visibility map.
 */
export async function buildFixture(name: FixtureName, url: string, quick: boolean): Promise<FixtureReport> {
  const started = Date.now();
  const [{ allMigrations }, platform, { loadDemoData }] = await Promise.all([
    import('@kooperacja/composition'),
    import('@kooperacja/platform'),
    import('@kooperacja/history'),
  ]);
  await platform.migrate(url, allMigrations());
  const pool = platform.createPool(url, { max: 8, applicationName: 'bench-fixture' });
  try {
    const fixture = FIXTURES[name];
    await loadDemoData(
      {
        // As `npm start` loads it: personal fields sealed per data subject.
        store: platform.protectPersonalData(new platform.PostgresEventStore(pool), pool),
        tenants: new platform.PostgresTenantDirectory(pool),
      },
      () => undefined,
      {
        synthetic: quick ? fixture.quick : fixture.full,
        concurrency: 8,
        // The append statements are planned per session; planned on a near-empty table they slow down.
        maintenance: { every: 100_000, run: () => pool.query('ANALYZE es_events').then(() => undefined) },
      },
    );
    await pool.query('VACUUM ANALYZE');
    const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM es_events');
    return { events: Number(rows[0].n), seconds: (Date.now() - started) / 1000 };
  } finally {
    await pool.end();
  }
}

/** Events in a fixture copy (the figure scenario 5 divides by). */
export async function countEvents(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM es_events');
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}
