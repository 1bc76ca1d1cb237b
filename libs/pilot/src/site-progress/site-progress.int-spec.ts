import { createPool, withTenantTransaction } from '@kooperacja/platform';
import { context, readModelFixture, type ReadModelFixture } from '../testing/read-model-fixture';
import { PilotSiteProgressRow } from './site-progress.entity';
import { SITE_CASES_TABLE, SITE_PROGRESS_TABLE, siteProgressProjection } from './site-progress.projection';
import { SiteProgressQuery, type SiteProgress } from './site-progress.query';

const plan = (caseId: string, planType: 'ipw' | 'kontrakt-socjalny' = 'ipw') => ({
  caseId,
  planType,
  goals: [{ goalId: 'g1', area: 'employment' as const, label: 'Praca dla pani Ewy' }],
  responsibleInstitutions: [{ institutionId: 'pup-debica', sector: 'labour-office' as const }],
});

const noStaff = {
  coaching: { sessions: 0, hours: 0, participants: 0 },
  supervision: { sessions: 0, hours: 0, participants: 0 },
  training: { sessions: 0, hours: 0, participants: 0 },
  lastOutcomeReport: null,
};
const noCases = {
  cases: { enrolled: 0, active: 0, closed: 0 },
  plans: { agreed: 0, completed: 0, success: 0, partial: 0, failure: 0, successRate: null },
  caseTeamMeetings: 0,
  supportHours: 0,
};

describe('read model: pilot progress per site', () => {
  let f: ReadModelFixture;
  let query: SiteProgressQuery;

  beforeAll(async () => {
    f = await readModelFixture(siteProgressProjection, [PilotSiteProgressRow]);
    query = new SiteProgressQuery(f.readModels);
    const { h } = f;
    const mr1 = () => context('mr1');
    const site = '1805052';

    // Staff support at the site, before and between the cases' facts.
    await h.training.execute(
      { teryt: site, topic: 'case-team-work', hours: 16, participants: 24 },
      mr1(),
      '2019-06-12',
    );
    await h.coaching.execute({ teryt: site, kind: 'group', hours: 3, socialWorkers: 8 }, mr1(), '2019-11-05');
    await h.coaching.execute({ teryt: site, kind: 'individual', hours: 1.5, socialWorkers: 1 }, mr1(), '2019-12-03');
    await h.supervision.execute(
      { teryt: site, caseTeamId: 'zzk-BRZ-01', hours: 2, participants: 6 },
      mr1(),
      '2020-01-14',
    );

    // Case A: successful plan, closed.
    await h.enrol.execute(
      { caseId: 'mr1-BRZ-0001', siteTeryt: site, householdSize: 4, caseUnit: 'ipw' },
      mr1(),
      '2019-09-02',
    );
    await h.diagnose.execute({ caseId: 'mr1-BRZ-0001', areas: ['employment'] }, mr1(), '2019-09-10');
    await h.agreePlan.execute(plan('mr1-BRZ-0001'), mr1(), '2019-10-01');
    await h.meeting.execute(
      { caseId: 'mr1-BRZ-0001', clientPresent: true, institutionsPresent: 3 },
      mr1(),
      '2019-10-15',
    );
    await h.support.execute({ caseId: 'mr1-BRZ-0001', kind: 'vocational-activation', hours: 2.5 }, mr1(), '2019-11-04');
    await h.completePlan.execute({ caseId: 'mr1-BRZ-0001', outcome: 'success' }, mr1(), '2020-06-30');
    await h.close.execute({ caseId: 'mr1-BRZ-0001', reason: 'support-completed' }, mr1(), '2020-07-15');

    // Case B: plan ended partly (corrected to failure), a meeting and a delivery voided, a second plan.
    await h.enrol.execute(
      { caseId: 'mr1-BRZ-0002', siteTeryt: site, householdSize: 2, caseUnit: 'ipw' },
      mr1(),
      '2019-09-16',
    );
    await h.diagnose.execute({ caseId: 'mr1-BRZ-0002', areas: ['employment'] }, mr1(), '2019-09-20');
    await h.agreePlan.execute(plan('mr1-BRZ-0002'), mr1(), '2019-10-07');
    await h.meeting.execute(
      { caseId: 'mr1-BRZ-0002', clientPresent: true, institutionsPresent: 2 },
      mr1(),
      '2019-10-21',
    );
    await h.meeting.execute(
      { caseId: 'mr1-BRZ-0002', clientPresent: true, institutionsPresent: 2 },
      mr1(),
      '2019-11-18',
    );
    await h.support.execute({ caseId: 'mr1-BRZ-0002', kind: 'social-work', hours: 1.25 }, mr1(), '2019-11-18');
    await h.support.execute({ caseId: 'mr1-BRZ-0002', kind: 'social-work', hours: 4 }, mr1(), '2019-11-19');
    await h.completePlan.execute({ caseId: 'mr1-BRZ-0002', outcome: 'partial' }, mr1(), '2020-05-29');
    await h.agreePlan.execute(plan('mr1-BRZ-0002', 'kontrakt-socjalny'), mr1(), '2020-06-01');
    const fix = (correction: object) =>
      h.correct.execute(
        { caseId: 'mr1-BRZ-0002', reason: 'data-entry-error', correction: correction as never },
        mr1(),
        '2020-06-10',
      );
    await fix({ fact: 'meeting-voided', meetingNo: 2 });
    await fix({ fact: 'support-voided', supportNo: 2 });
    await fix({ fact: 'plan-outcome', planNo: 1, outcome: 'failure' });

    // Outcome reports: the later report of the period restates it.
    const report = (successes: number, on: string) =>
      h.report.execute(
        {
          teryt: site,
          periodStart: '2019-09-01',
          periodEnd: '2020-06-30',
          familiesEnrolled: 2,
          plansCompleted: 2,
          successes,
          source: 'Sprawozdanie GOPS Brzostek, sporządziła Anna Kowalska',
        },
        mr1(),
        on,
      );
    await report(2, '2020-07-10');
    await report(1, '2020-08-03');

    // A site with one case and no staff support; a powiat with a training only; another tenant.
    await h.enrol.execute(
      { caseId: 'mr1-LUB-0003', siteTeryt: '0612052', householdSize: 5, caseUnit: 'ipw' },
      mr1(),
      '2020-02-03',
    );
    await h.training.execute({ teryt: '0612', topic: 'covid-19', hours: 4.5, participants: 30 }, mr1(), '2020-10-05');
    await h.coaching.execute(
      { teryt: '2469011', kind: 'individual', hours: 1, socialWorkers: 1 },
      context('mr3'),
      '2020-01-08',
    );

    await f.project(['mr1', 'mr3']);
  });
  afterAll(() => f?.close());

  const brzostek: Omit<SiteProgress, 'lastRecordedAt'> = {
    teryt: '1805052',
    voivodeship: 'podkarpackie',
    cases: { enrolled: 2, active: 1, closed: 1 },
    plans: { agreed: 3, completed: 2, success: 1, partial: 0, failure: 1, successRate: 0.5 },
    caseTeamMeetings: 2,
    supportHours: 3.75,
    coaching: { sessions: 2, hours: 4.5, participants: 9 },
    supervision: { sessions: 1, hours: 2, participants: 6 },
    training: { sessions: 1, hours: 16, participants: 24 },
    lastOutcomeReport: {
      reportedOn: '2020-08-03',
      periodStart: '2019-09-01',
      periodEnd: '2020-06-30',
      familiesEnrolled: 2,
      plansCompleted: 2,
      successes: 1,
    },
  };

  it('sums each site’s cases, plans, meetings, support and staff support, as corrected', async () => {
    const sites = await query.list('mr1');
    expect(sites.map(({ lastRecordedAt: _l, ...s }) => s)).toEqual([
      {
        teryt: '0612',
        voivodeship: 'lubelskie',
        ...noCases,
        ...noStaff,
        training: { sessions: 1, hours: 4.5, participants: 30 },
      },
      {
        teryt: '0612052',
        voivodeship: 'lubelskie',
        ...noCases,
        cases: { enrolled: 1, active: 1, closed: 0 },
        ...noStaff,
      },
      brzostek,
    ]);
    for (const s of sites) expect(Date.parse(s.lastRecordedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('answers one site, and nothing for a site with no record', async () => {
    expect(await query.get('mr1', '1805052')).toMatchObject(brzostek);
    expect(await query.get('mr1', '1805062')).toBeNull();
  });

  it('keeps neither the report’s source nor goal labels', async () => {
    const { rows } = await f.owner.query(
      `SELECT row_to_json(p)::text AS row FROM ${SITE_PROGRESS_TABLE} p
       UNION ALL SELECT row_to_json(c)::text FROM ${SITE_CASES_TABLE} c`,
    );
    expect(rows.map((r) => r.row).join('\n')).not.toMatch(/Kowalska|Sprawozdanie|Ewy/);
  });

  it('shows a tenant its own sites only', async () => {
    expect(await query.list('mr2')).toEqual([]);
    expect((await query.list('mr3')).map((s) => s.teryt)).toEqual(['2469011']);
    expect(await query.get('mr3', '1805052')).toBeNull();
    const app = createPool(f.db.appUrl, { max: 1 });
    try {
      const asked = await withTenantTransaction(app, 'mr3', (c) =>
        c.query(
          `SELECT teryt FROM ${SITE_PROGRESS_TABLE} WHERE tenant_id = 'mr1'
           UNION ALL SELECT teryt FROM ${SITE_CASES_TABLE} WHERE tenant_id = 'mr1'`,
        ),
      );
      expect(asked.rows).toEqual([]);
    } finally {
      await app.end();
    }
  });

  it('gives identical rows when every event is replayed into a fresh version, in batches of any size', async () => {
    const live = [await f.rowsOf(SITE_PROGRESS_TABLE, 1), await f.rowsOf(SITE_CASES_TABLE, 1)];
    expect(await f.rebuild(1)).toBe(2);
    expect([await f.rowsOf(SITE_PROGRESS_TABLE, 2), await f.rowsOf(SITE_CASES_TABLE, 2)]).toEqual(live);
    expect(await f.rebuild(7)).toBe(3);
    expect([await f.rowsOf(SITE_PROGRESS_TABLE, 3), await f.rowsOf(SITE_CASES_TABLE, 3)]).toEqual(live);
    expect(await query.get('mr1', '1805052')).toMatchObject(brzostek);
  });
});
