import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { CommandRunner, PostgresEventStore, type CommandContext } from '@kooperacja/platform';
import { createTestDatabase, type TestDatabase } from '@kooperacja/platform/testing';
import {
  RecordCoachingSessionHandler,
  RecordSupervisionSessionHandler,
  RecordTrainingHandler,
  ReportPilotOutcomeHandler,
  siteDecider,
  siteEventCatalogue,
  siteStreamId,
  siteSummary,
} from '@kooperacja/pilot';
import { FixedProjectPeriods, FixedTenantDirectory } from '../testing/in-memory-ports';

const periods = new FixedProjectPeriods({ mr2: { start: '2018-04-01', end: '2023-11-30' } });
const tenants = new FixedTenantDirectory([
  {
    id: 'mr2',
    name: 'Kooperacja – efektywna i skuteczna',
    nameEn: 'Cooperation – efficient and effective',
    municipalityType: 'urban-rural',
    voivodeships: [
      'kujawsko-pomorskie',
      'lubuskie',
      'pomorskie',
      'warmińsko-mazurskie',
      'wielkopolskie',
      'zachodniopomorskie',
    ],
    status: 'active',
  },
]);

const context = (commandId = randomUUID()): CommandContext => ({
  tenantId: 'mr2',
  actor: { sub: 'editor-2', role: 'tenant-editor', tenantId: 'mr2' },
  commandId,
  correlationId: randomUUID(),
  causationId: randomUUID(),
});

describe("a pilot site's staff support on PostgreSQL, through the handlers", () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let runner: CommandRunner;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 5 });
    store = new PostgresEventStore(pool);
    runner = new CommandRunner(store);
  });

  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('registers the site with its first fact and sums its support', async () => {
    const coaching = new RecordCoachingSessionHandler(runner, periods, tenants);
    const supervision = new RecordSupervisionSessionHandler(runner, periods, tenants);
    const training = new RecordTrainingHandler(runner, periods, tenants);
    const teryt = '2205033';

    const first = await coaching.execute({ teryt, kind: 'group', hours: 3, socialWorkers: 8 }, context(), '2019-11-05');
    expect(first).toMatchObject({ streamId: 'pilot.site-2205033', teryt, revision: 1 });
    expect(first.events.map((e) => e.type)).toEqual(['SiteRegistered', 'CoachingSessionHeld']);

    const second = await coaching.execute(
      { teryt, kind: 'individual', hours: 1.5, socialWorkers: 1 },
      context(),
      '2019-12-03',
    );
    expect(second.events.map((e) => e.type)).toEqual(['CoachingSessionHeld']);
    await supervision.execute(
      { teryt, caseTeamId: 'ggk-brusy-01', hours: 2, participants: 6 },
      context(),
      '2020-01-14',
    );
    await training.execute({ teryt, topic: 'case-team-work', hours: 16, participants: 24 }, context(), '2019-06-12');

    await expect(
      coaching.execute(
        { teryt, kind: 'group', hours: 3, socialWorkers: 8, allowedVoivodeships: ['lubuskie'] },
        context(),
        '2020-02-04',
      ),
    ).rejects.toMatchObject({ kind: 'conflict', code: 'voivodeship.forbidden' });

    const { state, history } = await runner.load('mr2', siteStreamId(teryt), siteDecider, siteEventCatalogue);
    expect(history.map((e) => e.type)).toEqual([
      'pilot.SiteRegistered.v1',
      'pilot.CoachingSessionHeld.v1',
      'pilot.CoachingSessionHeld.v1',
      'pilot.SupervisionSessionHeld.v1',
      'pilot.TrainingHeld.v1',
    ]);
    expect(siteSummary(state)).toMatchObject({
      voivodeship: 'pomorskie',
      coaching: { sessions: 2, hours: 4.5, workerHours: 25.5 },
      supervision: { sessions: 1, hours: 2, caseTeams: 1 },
      training: { sessions: 1, hours: 16 },
    });
  });

  it('keeps one report per retry and per unchanged restatement, and records a changed one', async () => {
    const report = new ReportPilotOutcomeHandler(runner, periods, tenants);
    const teryt = '2202023';
    const input = {
      teryt,
      periodStart: '2019-10-01',
      periodEnd: '2020-11-30',
      familiesEnrolled: 12,
      plansCompleted: 10,
      successes: 8,
      source: 'Raport z pilotażu, tab. 3',
    };
    const reportContext = context();
    const first = await report.execute(input, reportContext, '2020-12-15');
    const retried = await report.execute(input, reportContext, '2020-12-15');
    const restated = await report.execute(input, context(), '2021-01-20');
    const changed = await report.execute({ ...input, successes: 9 }, context(), '2021-02-01');

    expect(first).toMatchObject({ revision: 1, alreadyApplied: false });
    expect(retried).toMatchObject({ revision: 1, alreadyApplied: true, eventIds: first.eventIds });
    expect(restated).toMatchObject({ revision: 1, alreadyApplied: false, events: [] });
    expect(changed).toMatchObject({ revision: 2 });

    const { state } = await runner.load('mr2', siteStreamId(teryt), siteDecider, siteEventCatalogue);
    expect(siteSummary(state)?.outcomeReports).toEqual([
      expect.objectContaining({ successes: 9, successRate: 0.9, reports: 2, reportedOn: '2021-02-01' }),
    ]);
  });

  it('refuses a site outside the partnership or with a malformed code, writing nothing', async () => {
    const training = new RecordTrainingHandler(runner, periods, tenants);
    const before = await store.headPosition('mr2');
    await expect(
      training.execute({ teryt: '2469011', topic: 'other', hours: 4, participants: 10 }, context(), '2020-03-03'),
    ).rejects.toMatchObject({ kind: 'invalid', code: 'teryt.outside-partnership', field: 'teryt' });
    await expect(
      training.execute({ teryt: 'pilot.case-x', topic: 'other', hours: 4, participants: 10 }, context(), '2020-03-03'),
    ).rejects.toMatchObject({ kind: 'invalid', code: 'teryt.invalid', field: 'teryt' });
    expect(await store.headPosition('mr2')).toEqual(before);
  });
});
