import request from 'supertest';
import { PostgresTenantDirectory } from '@kooperacja/platform';
import { loadDemoData } from '@kooperacja/history';
import { startComparisonApp, type ComparisonApp } from '../testing/comparison-app';
import type { ComparisonResult } from './comparison.service';

jest.setTimeout(600_000);

/**
 * The seed history of the three macroregions (docs/data/history, through the handlers) and the
 * synthetic pilot, as `npm start` loads them: the comparison shows every macroregion with the
 * targets the seed documents state next to the actuals.
 */
describe('the comparison of the seed history and the synthetic pilot', () => {
  let e2e: ComparisonApp;
  let body: ComparisonResult;

  beforeAll(async () => {
    e2e = await startComparisonApp();
    const loaded = await loadDemoData(
      { store: e2e.store, tenants: new PostgresTenantDirectory(e2e.owner) },
      () => undefined,
    );
    expect(loaded?.history.refused).toEqual([]);
    await e2e.project(['mr1', 'mr2', 'mr3']);
    const res = await request(e2e.app.getHttpServer())
      .get('/api/v1/comparison?asOf=2023-12-31')
      .set('Authorization', `Bearer ${e2e.token('analyst')}`)
      .expect(200);
    body = res.body as ComparisonResult;
  });
  afterAll(() => e2e?.close());

  const rows = (code: string) =>
    Object.fromEntries(body.indicators.find((i) => i.code === code)!.rows.map((r) => [r.tenantId, r]));

  it('shows all three macroregions, each with the freshness of its data', () => {
    expect(body.tenants.map((t) => t.id)).toEqual(['mr1', 'mr2', 'mr3']);
    for (const t of body.tenants) {
      expect(t.freshness.position).toMatch(/^\d+\/\d+$/);
      expect(t.freshness.recordedAt).not.toBeNull();
    }
  });

  it('puts the targets of the seed documents next to the actuals', () => {
    expect(rows('partner-entities').mr1.target).toBe(350); // seed 004
    expect(rows('jst-in-pilot').mr2.target).toBe(50); // seed 000
    expect(rows('jst-in-pilot').mr3.target).toBe(50); // seed 001
    expect(rows('jst-under-agreement').mr2.target).toBe(50); // seed 003: 20 powiats + 30 gminas
    expect(rows('social-workers-coached').mr2.target).toBe(100);
    expect(rows('partner-entities').mr2.target).toBe(288);
    expect(rows('covid-support-entities').mr2).toEqual({ tenantId: 'mr2', target: 830, actual: null, percent: null });
    for (const code of ['jst-in-pilot', 'jst-under-agreement', 'families-enrolled', 'plans-completed']) {
      for (const tenant of ['mr1', 'mr2', 'mr3']) expect(rows(code)[tenant].actual).toBeGreaterThan(0);
    }
    const pilot = rows('jst-in-pilot');
    expect(pilot.mr2.percent).toBe(Math.round((pilot.mr2.actual! / 50) * 1000) / 10);
    expect(pilot.mr3.percent).toBe(Math.round((pilot.mr3.actual! / 50) * 1000) / 10);
  });

  it('compares money per JST and per family on the line each macroregion stated', () => {
    expect(rows('budget').mr1).toMatchObject({ actual: 34895692.4, basis: 'total' });
    expect(rows('budget').mr2).toMatchObject({ actual: 31604368.34, basis: 'total' }); // seed 000, amended 2021
    expect(rows('budget').mr3).toMatchObject({ actual: 20761034.04, basis: 'euShare' }); // seed 001: EU share only
    for (const tenant of ['mr1', 'mr2', 'mr3']) {
      expect(rows('money-per-jst')[tenant].actual).toBeGreaterThan(0);
      expect(rows('money-per-family')[tenant].actual).toBeGreaterThan(0);
    }
  });

  it('gives the series by quarter, from the first quarter with data to the last, ending at the actual', () => {
    const series = body.series.filter((p) => p.code === 'jst-in-pilot' && p.tenantId === 'mr2');
    expect(series[0]).toMatchObject({ quarter: '2018-Q2', target: 50 });
    const last = series[series.length - 1];
    expect(last).toMatchObject({ value: rows('jst-in-pilot').mr2.actual, target: 50 });
    expect(last.quarter <= '2023-Q4').toBe(true);
  });
});
