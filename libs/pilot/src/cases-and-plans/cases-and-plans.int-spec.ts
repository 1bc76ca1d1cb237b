import { withTenantTransaction, createPool, type ProjectionBatch } from '@kooperacja/platform';
import { context, readModelFixture, type ReadModelFixture } from '../testing/read-model-fixture';
import { PilotCaseRow } from './cases-and-plans.entity';
import { CASES_TABLE, casesAndPlansProjection } from './cases-and-plans.projection';
import { CasesAndPlansQuery } from './cases-and-plans.query';

const plan = (caseId: string, planType: 'ipw' | 'kontrakt-socjalny' | 'zzk-plan' = 'ipw') => ({
  caseId,
  planType,
  goals: [
    { goalId: 'g1', area: 'housing' as const, label: 'Mieszkanie dla rodziny Nowaków' },
    { goalId: 'g2', area: 'employment' as const },
  ],
  responsibleInstitutions: [
    { institutionId: 'gops-brzostek', sector: 'social-assistance' as const },
    { institutionId: 'pup-debica', sector: 'labour-office' as const },
  ],
});

describe('read model: cases and individual plans', () => {
  let f: ReadModelFixture;
  let query: CasesAndPlansQuery;
  const page = { page: 1, pageSize: 50 };

  beforeAll(async () => {
    f = await readModelFixture(casesAndPlansProjection, [PilotCaseRow]);
    query = new CasesAndPlansQuery(f.readModels);
    const { h } = f;
    const mr1 = () => context('mr1');

    // A: the whole way, closed after a successful plan.
    await h.enrol.execute(
      { caseId: 'mr1-BRZ-0001', siteTeryt: '1805052', householdSize: 4, caseUnit: 'ipw' },
      mr1(),
      '2019-09-02',
    );
    await h.diagnose.execute({ caseId: 'mr1-BRZ-0001', areas: ['housing', 'employment'] }, mr1(), '2019-09-10');
    await h.agreePlan.execute(plan('mr1-BRZ-0001'), mr1(), '2019-10-01');
    await h.meeting.execute(
      { caseId: 'mr1-BRZ-0001', clientPresent: true, institutionsPresent: 3 },
      mr1(),
      '2019-10-15',
    );
    await h.meeting.execute(
      { caseId: 'mr1-BRZ-0001', clientPresent: false, institutionsPresent: 2 },
      mr1(),
      '2019-11-12',
    );
    await h.support.execute({ caseId: 'mr1-BRZ-0001', kind: 'housing-support', hours: 2.5 }, mr1(), '2019-11-04');
    await h.support.execute({ caseId: 'mr1-BRZ-0001', kind: 'social-work', hours: 1.25 }, mr1(), '2019-12-02');
    await h.completePlan.execute({ caseId: 'mr1-BRZ-0001', outcome: 'success' }, mr1(), '2020-09-30');
    await h.close.execute({ caseId: 'mr1-BRZ-0001', reason: 'support-completed' }, mr1(), '2020-10-15');

    // B: its first meeting was recorded in error and voided; its plan ended partly, corrected to failure.
    await h.enrol.execute(
      { caseId: 'mr1-LUB-0002', siteTeryt: '0612052', householdSize: 2, caseUnit: 'ipw' },
      mr1(),
      '2019-11-04',
    );
    await h.diagnose.execute({ caseId: 'mr1-LUB-0002', areas: ['income'] }, mr1(), '2019-11-20');
    await h.agreePlan.execute(plan('mr1-LUB-0002'), mr1(), '2019-12-02');
    await h.meeting.execute(
      { caseId: 'mr1-LUB-0002', clientPresent: true, institutionsPresent: 2 },
      mr1(),
      '2019-12-09',
    );
    await h.meeting.execute(
      { caseId: 'mr1-LUB-0002', clientPresent: true, institutionsPresent: 4 },
      mr1(),
      '2020-01-13',
    );
    await h.correct.execute(
      { caseId: 'mr1-LUB-0002', reason: 'duplicate-entry', correction: { fact: 'meeting-voided', meetingNo: 1 } },
      mr1(),
      '2020-02-01',
    );
    await h.completePlan.execute({ caseId: 'mr1-LUB-0002', outcome: 'partial' }, mr1(), '2020-11-30');
    await h.correct.execute(
      {
        caseId: 'mr1-LUB-0002',
        reason: 'source-document-corrected',
        correction: { fact: 'plan-outcome', planNo: 1, outcome: 'failure' },
      },
      mr1(),
      '2021-01-11',
    );

    // C: enrolled under a uuid, nothing more yet.
    await h.enrol.execute(
      { caseId: '3F2B8C1E-0A4D-4B5E-9C7F-2D1E0B3A4C5D', siteTeryt: '1805052', householdSize: 6, caseUnit: 'ipw' },
      mr1(),
      '2020-01-15',
    );

    // Another tenant's case.
    await h.enrol.execute(
      { caseId: 'mr3-KAT-0007', siteTeryt: '2469011', householdSize: 3, caseUnit: 'zzk' },
      context('mr3'),
      '2019-09-02',
    );

    await f.project(['mr1', 'mr3']);
  });
  afterAll(() => f?.close());

  const caseA = {
    caseId: 'mr1-BRZ-0001',
    siteTeryt: '1805052',
    voivodeship: 'podkarpackie',
    caseUnit: 'ipw',
    householdSize: 4,
    status: 'closed',
    planType: 'ipw',
    plans: 1,
    enrolledOn: '2019-09-02',
    diagnosedOn: '2019-09-10',
    planAgreedOn: '2019-10-01',
    firstMeetingOn: '2019-10-15',
    completedOn: '2020-09-30',
    closedOn: '2020-10-15',
    closeReason: 'support-completed',
    meetings: 2,
    meetingsWithClient: 1,
    supportHours: 3.75,
    outcome: 'success',
    corrections: 0,
  };

  it('turns the events of each case into one row: status, latest plan, dates, meetings, outcome', async () => {
    const result = await query.list('mr1', page);
    expect(result.total).toBe(3);
    expect(result.items).toEqual([
      caseA,
      {
        caseId: 'mr1-LUB-0002',
        siteTeryt: '0612052',
        voivodeship: 'lubelskie',
        caseUnit: 'ipw',
        householdSize: 2,
        status: 'open',
        planType: 'ipw',
        plans: 1,
        enrolledOn: '2019-11-04',
        diagnosedOn: '2019-11-20',
        planAgreedOn: '2019-12-02',
        firstMeetingOn: '2020-01-13', // the voided meeting of 2019-12-09 no longer counts
        completedOn: '2020-11-30',
        closedOn: null,
        closeReason: null,
        meetings: 1,
        meetingsWithClient: 1,
        supportHours: 0,
        outcome: 'failure', // as corrected
        corrections: 2,
      },
      expect.objectContaining({
        caseId: '3f2b8c1e-0a4d-4b5e-9c7f-2d1e0b3a4c5d',
        status: 'open',
        planType: null,
        plans: 0,
        diagnosedOn: null,
        firstMeetingOn: null,
        outcome: null,
        meetings: 0,
      }),
    ]);
    expect(Date.parse(result.lastRecordedAt!)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('filters by site, status, plan type and outcome, and pages', async () => {
    const ids = async (filter: object) => (await query.list('mr1', { ...page, ...filter })).items.map((i) => i.caseId);
    expect(await ids({ site: '0612052' })).toEqual(['mr1-LUB-0002']);
    expect(await ids({ status: 'closed' })).toEqual(['mr1-BRZ-0001']);
    expect(await ids({ status: 'open', planType: 'ipw' })).toEqual(['mr1-LUB-0002']);
    expect(await ids({ outcome: 'failure' })).toEqual(['mr1-LUB-0002']);
    expect(await ids({ outcome: 'partial' })).toEqual([]);
    const second = await query.list('mr1', { page: 2, pageSize: 2 });
    expect([second.total, second.items.map((i) => i.caseId)]).toEqual([3, ['3f2b8c1e-0a4d-4b5e-9c7f-2d1e0b3a4c5d']]);
  });

  it('never keeps a goal label, not even in the folded state', async () => {
    const { rows } = await f.owner.query(`SELECT row_to_json(c)::text AS row FROM ${CASES_TABLE} c`);
    expect(rows.length).toBe(4);
    expect(rows.map((r) => r.row).join('\n')).not.toMatch(/Nowak|Mieszkanie/);
  });

  it('shows a tenant its own cases only', async () => {
    expect(await query.list('mr2', page)).toMatchObject({ items: [], total: 0, lastRecordedAt: null });
    expect((await query.list('mr3', page)).items.map((i) => i.caseId)).toEqual(['mr3-KAT-0007']);
    const app = createPool(f.db.appUrl, { max: 1 });
    try {
      const asked = await withTenantTransaction(app, 'mr3', (c) =>
        c.query(`SELECT case_id FROM ${CASES_TABLE} WHERE tenant_id = 'mr1'`),
      );
      expect(asked.rows).toEqual([]);
      expect((await app.query(`SELECT case_id FROM ${CASES_TABLE}`)).rows).toEqual([]);
    } finally {
      await app.end();
    }
  });

  it('gives identical rows when every event is replayed into a fresh version, one event a batch', async () => {
    const live = await f.rowsOf(CASES_TABLE, 1);
    const version = await f.rebuild(1);
    expect(version).toBe(2);
    expect(await f.rowsOf(CASES_TABLE, 2)).toEqual(live);
    expect((await query.list('mr1', page)).items[0]).toEqual(caseA);
  });

  it('changes nothing when a batch is applied twice', async () => {
    const client = await f.owner.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `CREATE TEMP TABLE ${CASES_TABLE}_twice (LIKE ${CASES_TABLE}_v1 INCLUDING ALL) ON COMMIT DROP`,
      );
      const events = await f.store.readAll({ tenant: 'mr1', eventTypePrefixes: casesAndPlansProjection.handles });
      const batch: ProjectionBatch = { tenantId: 'mr1', client, table: () => `${CASES_TABLE}_twice` };
      await casesAndPlansProjection.apply(events, batch);
      await casesAndPlansProjection.apply(events.slice(3, 9), batch);
      await casesAndPlansProjection.apply(events, batch);
      const { rows } = await client.query(`SELECT * FROM ${CASES_TABLE}_twice ORDER BY 1, 2`);
      expect(rows).toEqual(
        (await f.rowsOf(CASES_TABLE, 1)).filter((r) => (r as { tenant_id: string }).tenant_id === 'mr1'),
      );
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
  });
});
