import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { CommandRunner, PostgresEventStore, type CommandContext } from '@kooperacja/platform';
import { createTestDatabase, type TestDatabase } from '@kooperacja/platform/testing';
import {
  AgreeIndividualPlanHandler,
  CloseCaseHandler,
  CompleteDiagnosisHandler,
  CompletePlanHandler,
  CorrectCaseFactHandler,
  EnrolCaseHandler,
  RecordCaseTeamMeetingHandler,
  RecordSupportDeliveryHandler,
  ReviewPlanHandler,
  caseDecider,
  caseEventCatalogue,
  caseStreamId,
  caseSummary,
} from '@kooperacja/pilot';
import { FixedProjectPeriods, FixedTenantDirectory } from '../testing/in-memory-ports';

const periods = new FixedProjectPeriods({
  mr1: { start: '2018-04-01', end: '2023-10-31' },
  mr3: { start: '2018-04-01', end: '2021-06-30' },
});
const tenants = new FixedTenantDirectory([
  {
    id: 'mr1',
    name: 'Liderzy kooperacji',
    nameEn: 'Leaders of cooperation',
    municipalityType: 'rural',
    voivodeships: ['lubelskie', 'mazowieckie', 'podkarpackie', 'podlaskie', 'świętokrzyskie'],
    status: 'active',
  },
  {
    id: 'mr3',
    name: 'Kooperacje 3D',
    nameEn: 'Cooperations 3D',
    municipalityType: 'urban',
    voivodeships: ['śląskie', 'łódzkie', 'małopolskie', 'opolskie'],
    status: 'active',
  },
]);

function context(tenantId = 'mr1', commandId = randomUUID()): CommandContext {
  return {
    tenantId,
    actor: { sub: 'editor-7', role: 'tenant-editor', tenantId },
    commandId,
    correlationId: randomUUID(),
    causationId: randomUUID(),
  };
}

describe('a pilot case on PostgreSQL, through the handlers', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let runner: CommandRunner;
  let h: ReturnType<typeof handlers>;

  const handlers = (r: CommandRunner) => ({
    enrol: new EnrolCaseHandler(r, periods, tenants),
    diagnose: new CompleteDiagnosisHandler(r, periods),
    agreePlan: new AgreeIndividualPlanHandler(r, periods),
    meeting: new RecordCaseTeamMeetingHandler(r, periods),
    support: new RecordSupportDeliveryHandler(r, periods),
    review: new ReviewPlanHandler(r, periods),
    completePlan: new CompletePlanHandler(r, periods),
    close: new CloseCaseHandler(r, periods),
    correct: new CorrectCaseFactHandler(r, periods),
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 10 });
    store = new PostgresEventStore(pool);
    runner = new CommandRunner(store);
    h = handlers(runner);
  });

  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  const enrolInput = (caseId: string) => ({
    caseId,
    siteTeryt: '0612052',
    householdSize: 4,
    caseUnit: 'ipw' as const,
  });
  const planInput = (caseId: string) => ({
    caseId,
    planType: 'ipw' as const,
    goals: [
      { goalId: 'g1', area: 'employment' as const, label: 'Praca w pobliżu domu' },
      { goalId: 'g2', area: 'parenting' as const },
    ],
    responsibleInstitutions: [
      { institutionId: 'gops-0612052', sector: 'social-assistance' as const },
      { institutionId: 'pup-powiat-0612', sector: 'labour-office' as const },
    ],
  });

  it('records a case from enrolment to closing and summarises it', async () => {
    const caseId = 'mr1-KRA-0001';
    const enrolled = await h.enrol.execute(enrolInput(caseId), context(), '2019-09-02');
    expect(enrolled).toMatchObject({ streamId: 'pilot.case-mr1-KRA-0001', caseId, revision: 0, alreadyApplied: false });

    await h.diagnose.execute({ caseId, areas: ['income', 'employment', 'parenting'] }, context(), '2019-09-16');
    await h.agreePlan.execute(planInput(caseId), context(), '2019-10-01');
    await h.meeting.execute({ caseId, clientPresent: true, institutionsPresent: 3 }, context(), '2019-10-15');
    await h.support.execute({ caseId, kind: 'vocational-activation', hours: 2.5 }, context(), '2019-11-04');
    await h.meeting.execute({ caseId, clientPresent: false, institutionsPresent: 2 }, context(), '2019-12-10');
    await h.review.execute(
      {
        caseId,
        progress: [
          { goalId: 'g1', progress: 'achieved' },
          { goalId: 'g2', progress: 'in-progress' },
        ],
      },
      context(),
      '2020-03-02',
    );
    await h.completePlan.execute({ caseId, outcome: 'success' }, context(), '2020-09-30');
    const closed = await h.close.execute(
      { caseId, reason: 'support-completed' },
      context(),
      '2020-10-15T09:00:00+02:00',
    );
    expect(closed.revision).toBe(8);

    const stored = await store.readStream('mr1', caseStreamId(caseId));
    expect(stored.map((e) => e.type)).toEqual([
      'pilot.CaseEnrolled.v1',
      'pilot.DiagnosisCompleted.v1',
      'pilot.IndividualPlanAgreed.v1',
      'pilot.CaseTeamMeetingHeld.v1',
      'pilot.SupportDelivered.v1',
      'pilot.CaseTeamMeetingHeld.v1',
      'pilot.PlanReviewed.v1',
      'pilot.PlanCompleted.v1',
      'pilot.CaseClosed.v1',
    ]);
    expect(stored[0].data).toEqual({ ...enrolInput(caseId), voivodeship: 'lubelskie', enrolledOn: '2019-09-02' });
    expect(stored[2].data).toMatchObject({ goalLabels: { g1: 'Praca w pobliżu domu' } });
    expect(stored[8].metadata).toMatchObject({
      tenantId: 'mr1',
      occurredAt: '2020-10-15T09:00:00+02:00',
      actor: { sub: 'editor-7', role: 'tenant-editor' },
      schemaVersion: 1,
    });

    const { state } = await runner.load('mr1', caseStreamId(caseId), caseDecider, caseEventCatalogue);
    expect(caseSummary(state)).toMatchObject({
      status: 'closed',
      meetings: 2,
      meetingsWithClient: 1,
      firstMeetingOn: '2019-10-15',
      monthsToFirstMeeting: 1.4,
      supportHours: 2.5,
      planOutcome: 'success',
      closedOn: '2020-10-15',
      closeReason: 'support-completed',
    });

    await expect(
      h.meeting.execute({ caseId, clientPresent: true, institutionsPresent: 1 }, context(), '2020-10-20'),
    ).rejects.toMatchObject({ kind: 'conflict', code: 'case.closed' });
    const corrected = await h.correct.execute(
      {
        caseId,
        reason: 'source-document-corrected',
        correction: { fact: 'plan-outcome', planNo: 1, outcome: 'partial' },
      },
      context(),
      '2021-02-01',
    );
    expect(corrected.revision).toBe(9);
    const after = await runner.load('mr1', caseStreamId(caseId), caseDecider, caseEventCatalogue);
    expect(caseSummary(after.state)).toMatchObject({ planOutcome: 'partial', corrections: 1 });
  });

  it('writes nothing when a command is retried with the same command id', async () => {
    const caseId = 'mr1-KRA-0002';
    const enrolContext = context();
    const first = await h.enrol.execute(enrolInput(caseId), enrolContext, '2019-09-02');
    await h.diagnose.execute({ caseId, areas: ['housing'] }, context(), '2019-09-10');
    await h.agreePlan.execute(planInput(caseId), context(), '2019-09-20');
    const meetingContext = context();
    const meeting = await h.meeting.execute(
      { caseId, clientPresent: true, institutionsPresent: 2 },
      meetingContext,
      '2019-10-01',
    );
    await h.support.execute({ caseId, kind: 'social-work', hours: 1 }, context(), '2019-10-02');

    // The client's network dropped the answers; it sends both commands again.
    const meetingRetry = await h.meeting.execute(
      { caseId, clientPresent: true, institutionsPresent: 2 },
      meetingContext,
      '2019-10-01',
    );
    const enrolRetry = await h.enrol.execute(enrolInput(caseId), enrolContext, '2019-09-02');

    expect(meetingRetry).toMatchObject({ alreadyApplied: true, revision: 4, eventIds: meeting.eventIds });
    expect(meetingRetry.events).toEqual(meeting.events);
    expect(enrolRetry).toMatchObject({ alreadyApplied: true, eventIds: first.eventIds });
    const stored = await store.readStream('mr1', caseStreamId(caseId));
    expect(stored).toHaveLength(5);
    expect(stored.filter((e) => e.type === 'pilot.CaseTeamMeetingHeld.v1')).toHaveLength(1);
  });

  it('refuses without writing: PESEL as case id, forbidden voivodeship, date outside the period', async () => {
    const before = await store.headPosition('mr1');

    await expect(h.enrol.execute(enrolInput('85010112345'), context(), '2019-09-02')).rejects.toMatchObject({
      kind: 'invalid',
      code: 'case.id-looks-like-pesel',
      field: 'caseId',
    });
    await expect(
      h.enrol.execute({ ...enrolInput('mr1-KRA-0003'), allowedVoivodeships: ['podlaskie'] }, context(), '2019-09-02'),
    ).rejects.toMatchObject({ kind: 'conflict', code: 'voivodeship.forbidden' });
    await expect(h.enrol.execute(enrolInput('mr1-KRA-0003'), context(), '2023-11-02')).rejects.toMatchObject({
      kind: 'invalid',
      code: 'fact.outside-project-period',
      field: 'occurredAt',
    });
    await expect(
      h.enrol.execute({ ...enrolInput('mr1-KRA-0003'), siteTeryt: '2469011' }, context(), '2019-09-02'),
    ).rejects.toMatchObject({ code: 'teryt.outside-partnership', field: 'siteTeryt' });

    expect(await store.headPosition('mr1')).toEqual(before);
  });

  it('numbers meetings recorded concurrently without losing one', async () => {
    const caseId = '6c1f2d0e-8a43-4b8e-9d3b-0f6a5c2e7b91';
    await h.enrol.execute(enrolInput(caseId), context(), '2019-09-02');
    await h.agreePlan.execute(
      { ...planInput(caseId), diagnosisWaiver: 'crisis-intervention' },
      context(),
      '2019-09-03',
    );

    const days = ['2019-09-10', '2019-09-17', '2019-09-24', '2019-10-01'];
    await Promise.all(
      days.map((day) => h.meeting.execute({ caseId, clientPresent: true, institutionsPresent: 2 }, context(), day)),
    );

    const stored = await store.readStream('mr1', caseStreamId(caseId));
    const meetings = stored.filter((e) => e.type === 'pilot.CaseTeamMeetingHeld.v1');
    expect(meetings.map((e) => (e.data as { meetingNo: number }).meetingNo).sort()).toEqual([1, 2, 3, 4]);
    expect(meetings.map((e) => (e.data as { heldOn: string }).heldOn).sort()).toEqual(days);
  });

  it('keeps the same case id of two tenants apart, each within its own project period', async () => {
    const caseId = 'mr-KAT-0001';
    await h.enrol.execute(enrolInput(caseId), context('mr1'), '2021-09-01');
    await expect(
      h.enrol.execute({ ...enrolInput(caseId), caseUnit: 'zzk', siteTeryt: '2469011' }, context('mr3'), '2021-09-01'),
    ).rejects.toMatchObject({ code: 'fact.outside-project-period' });
    await h.enrol.execute(
      { ...enrolInput(caseId), caseUnit: 'zzk', siteTeryt: '2469011' },
      context('mr3'),
      '2020-09-01',
    );

    const [mr1, mr3] = await Promise.all([
      runner.load('mr1', caseStreamId(caseId), caseDecider, caseEventCatalogue),
      runner.load('mr3', caseStreamId(caseId), caseDecider, caseEventCatalogue),
    ]);
    expect(caseSummary(mr1.state)).toMatchObject({
      voivodeship: 'lubelskie',
      caseUnit: 'ipw',
      enrolledOn: '2021-09-01',
    });
    expect(caseSummary(mr3.state)).toMatchObject({ voivodeship: 'śląskie', caseUnit: 'zzk', enrolledOn: '2020-09-01' });
  });
});
