import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import {
  appRoleName,
  CommandRunner,
  createPool,
  PartitionWorker,
  PostgresEventStore,
  ProjectionRebuilder,
  ProjectionSchema,
  projectionLag,
  withTenantTransaction,
  type CommandContext,
} from '@kooperacja/platform';
import { createTestDatabase, eventually, type TestDatabase } from '@kooperacja/platform/testing';
import { AmendBudgetHandler } from '../amend-budget/amend-budget.handler';
import { AmendScheduleHandler } from '../amend-schedule/amend-schedule.handler';
import { ApproveModelVersionHandler } from '../approve-model-version/approve-model-version.handler';
import { CompleteMilestoneHandler } from '../complete-milestone/complete-milestone.handler';
import { pln } from '../contracts/money';
import { PROJECT_STREAM_ID } from '../contracts/project.view';
import { CorrectFactHandler } from '../correct-fact/correct-fact.handler';
import { EstablishPartnershipHandler } from '../establish-partnership/establish-partnership.handler';
import { JoinPartnershipHandler } from '../join-partnership/join-partnership.handler';
import { SetIndicatorTargetHandler } from '../set-indicator-target/set-indicator-target.handler';
import { projectOverviewEntities } from './project-overview.entity';
import { AMENDMENTS_TABLE, OVERVIEW_TABLE, projectOverviewProjection } from './project-overview.projection';
import { ProjectOverviewQuery } from './project-overview.query';

const admin = (tenantId: string): CommandContext => {
  const id = randomUUID();
  return {
    tenantId,
    actor: { sub: `admin@${tenantId}`, role: 'tenant-admin', tenantId },
    commandId: id,
    correlationId: id,
    causationId: id,
  };
};

const torun = {
  partnerId: 'rops-torun',
  name: 'ROPS w Toruniu',
  kind: 'ROPS' as const,
  voivodeships: ['kujawsko-pomorskie'],
};
const gdansk = { partnerId: 'rops-gdansk', name: 'ROPS w Gdańsku', kind: 'ROPS' as const, voivodeships: ['pomorskie'] };
const rzeszow = {
  partnerId: 'rops-rzeszow',
  name: 'ROPS w Rzeszowie',
  kind: 'ROPS' as const,
  voivodeships: ['podkarpackie'],
};

describe('project overview read model (PostgreSQL)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let runner: CommandRunner;
  let readModels: DataSource;
  let query: ProjectOverviewQuery;
  let budgetAmendmentId: string;

  // The store hands out an event only once every transaction of the cluster that could precede it
  // has ended, so a worker may need a few rounds before it has seen every event appended.
  const catchUp = async (tenantId: string) => {
    const version = await new ProjectionSchema(pool, appRoleName()).ensureActive(projectOverviewProjection);
    const worker = new PartitionWorker(pool, store, projectOverviewProjection, version, tenantId);
    await eventually(
      async () => {
        await worker.catchUp();
        const lag = await projectionLag(pool, [projectOverviewProjection]);
        expect(lag.find((l) => l.tenantId === tenantId)?.eventsBehind).toBe(0);
      },
      { timeoutMs: 30_000 },
    );
  };
  const rows = async (tenantId: string) =>
    withTenantTransaction(pool, tenantId, async (c) => ({
      overview: (await c.query(`SELECT * FROM ${OVERVIEW_TABLE} WHERE tenant_id = $1`, [tenantId])).rows,
      amendments: (
        await c.query(`SELECT * FROM ${AMENDMENTS_TABLE} WHERE tenant_id = $1 ORDER BY revision`, [tenantId])
      ).rows,
    }));

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPool(db.url, { max: 5 });
    store = new PostgresEventStore(pool);
    runner = new CommandRunner(store);
    readModels = await new DataSource({
      type: 'postgres',
      url: db.appUrl,
      entities: projectOverviewEntities,
      synchronize: false,
    }).initialize();
    query = new ProjectOverviewQuery(readModels);

    await new EstablishPartnershipHandler(runner).execute(
      {
        projectTitle: 'Kooperacja – efektywna i skuteczna',
        leadPartnerId: 'rops-torun',
        partners: [torun],
        plannedPeriod: { start: '2018-04-01', end: '2021-03-31' },
        budget: { total: pln('11 977 479,39'), euShare: pln('10 094 619,62') },
        source: 'seed 002',
      },
      admin('mr2'),
      '2018-03-20',
    );
    await new JoinPartnershipHandler(runner).execute({ partner: gdansk, source: null }, admin('mr2'), '2018-05-02');
    budgetAmendmentId = (
      await new AmendBudgetHandler(runner).execute(
        { budget: { total: pln('31 604 368,34'), targetedGrant: pln('4 868 206,71') }, source: 'seed 000' },
        admin('mr2'),
        '2020-09-30',
      )
    ).eventIds[0];
    await new AmendScheduleHandler(runner).execute(
      { period: { start: '2018-04-01', end: '2022-12-31' }, source: 'aneks nr 5' },
      admin('mr2'),
      '2021-02-15',
    );
    await new SetIndicatorTargetHandler(runner).execute(
      { indicator: 'jst-in-pilot', value: 50, unit: 'jst', source: 'seed 000' },
      admin('mr2'),
      '2018-04-01',
    );
    await new CompleteMilestoneHandler(runner).execute({ milestone: 1, source: null }, admin('mr2'), '2019-03-29');
    await new ApproveModelVersionHandler(runner).execute(
      { version: '1.0', approvedBy: 'Komitet Sterujący', ministryOpinion: 'positive' },
      admin('mr2'),
      '2019-03-15',
    );
    await new EstablishPartnershipHandler(runner).execute(
      {
        projectTitle: 'Liderzy kooperacji',
        leadPartnerId: 'rops-rzeszow',
        partners: [rzeszow],
        plannedPeriod: { start: '2018-04-01', end: '2023-10-31' },
        budget: { total: pln('34 895 692,40') },
      },
      admin('mr1'),
      '2018-03-01',
    );
    await catchUp('mr2');
    await catchUp('mr1');
  });

  afterAll(async () => {
    await readModels.destroy();
    await pool.end();
    await db.drop();
  });

  it('gives one row of current figures per tenant and one per amendment, with source and dates', async () => {
    const overview = await query.overview('mr2');
    expect(overview).toMatchObject({
      projectTitle: 'Kooperacja – efektywna i skuteczna',
      establishedOn: '2018-03-20',
      schedule: {
        planned: { start: '2018-04-01', end: '2021-03-31' },
        current: { start: '2018-04-01', end: '2022-12-31' },
      },
      budget: {
        planned: {
          total: { grosze: '1197747939', currency: 'PLN' },
          euShare: { grosze: '1009461962', currency: 'PLN' },
        },
        current: {
          total: { grosze: '3160436834', currency: 'PLN' },
          euShare: { grosze: '1009461962', currency: 'PLN' },
          targetedGrant: { grosze: '486820671', currency: 'PLN' },
        },
      },
      partners: { count: 2, partnerIds: ['rops-torun', 'rops-gdansk'] },
      indicatorTargets: { 'jst-in-pilot': { value: 50, unit: 'jst', setOn: '2018-04-01', source: 'seed 000' } },
      milestonesCompleted: [1],
      modelApprovals: {
        count: 1,
        latestVersion: '1.0',
        latestApprovedOn: '2019-03-15',
        latestMinistryOpinion: 'positive',
      },
      amendmentCounts: { budget: 1, schedule: 1 },
      revision: 6,
    });
    expect(overview!.amendments).toEqual([
      expect.objectContaining({
        eventId: budgetAmendmentId,
        revision: 2,
        kind: 'budget',
        amendedOn: '2020-09-30',
        source: 'seed 000',
        budget: {
          total: { grosze: '3160436834', currency: 'PLN' },
          targetedGrant: { grosze: '486820671', currency: 'PLN' },
        },
        period: null,
        status: 'recorded',
        correction: null,
      }),
      expect.objectContaining({
        revision: 3,
        kind: 'schedule',
        amendedOn: '2021-02-15',
        source: 'aneks nr 5',
        period: { start: '2018-04-01', end: '2022-12-31' },
        status: 'recorded',
      }),
    ]);
  });

  it('follows a correction that voids an amendment recorded in an earlier batch', async () => {
    await new CorrectFactHandler(runner).execute(
      { correctedEventId: budgetAmendmentId, reason: 'kwoty z seed 000 dotyczą innego wniosku', replacement: null },
      admin('mr2'),
      '2024-05-02',
    );
    await catchUp('mr2');
    const overview = await query.overview('mr2');
    expect(overview?.budget.current).toEqual({
      total: { grosze: '1197747939', currency: 'PLN' },
      euShare: { grosze: '1009461962', currency: 'PLN' },
    });
    expect(overview?.amendmentCounts).toEqual({ budget: 0, schedule: 1 });
    expect(overview?.corrections).toBe(1);
    expect(overview?.amendments[0]).toMatchObject({
      eventId: budgetAmendmentId,
      status: 'voided',
      source: 'seed 000',
      correction: { reason: 'kwoty z seed 000 dotyczą innego wniosku', correctedOn: '2024-05-02' },
    });
  });

  it('gives the same rows when the events are replayed into a second version, and when applied twice', async () => {
    const before = { mr1: await rows('mr1'), mr2: await rows('mr2') };
    const result = await new ProjectionRebuilder(pool, store, db.url, { readerRole: appRoleName() }).rebuild(
      projectOverviewProjection,
    );
    expect(result).toMatchObject({ fromVersion: 1, toVersion: 2 });
    await catchUp('mr1'); // as the live runner would, should the rebuild have swapped before seeing the last events
    await catchUp('mr2');
    expect({ mr1: await rows('mr1'), mr2: await rows('mr2') }).toEqual(before);

    // The same batch again, as a redelivery would bring it: nothing changes.
    const events = await store.readStream('mr2', PROJECT_STREAM_ID);
    await withTenantTransaction(pool, 'mr2', (client) =>
      projectOverviewProjection.apply(events, { tenantId: 'mr2', client, table: (base) => `${base}_v2` }),
    );
    expect(await rows('mr2')).toEqual(before.mr2);
    expect(await query.overview('mr2')).toMatchObject({ revision: 7, amendmentCounts: { budget: 0, schedule: 1 } });
  });

  it("shows a tenant its own rows only: another tenant's transaction sees none", async () => {
    const app = createPool(db.appUrl, { max: 1 });
    const seen = (tenantId: string) =>
      withTenantTransaction(app, tenantId, async (c) => ({
        overview: (await c.query(`SELECT tenant_id FROM ${OVERVIEW_TABLE}`)).rows,
        amendments: (await c.query(`SELECT tenant_id FROM ${AMENDMENTS_TABLE}`)).rows,
      }));
    try {
      expect(await seen('mr3')).toEqual({ overview: [], amendments: [] });
      expect(await seen('mr1')).toEqual({ overview: [{ tenant_id: 'mr1' }], amendments: [] });
      expect((await app.query(`SELECT tenant_id FROM ${OVERVIEW_TABLE}`)).rows).toEqual([]);
    } finally {
      await app.end();
    }
    expect(await query.overview('mr3')).toBeNull();
    expect((await query.overview('mr1'))?.projectTitle).toBe('Liderzy kooperacji');
  });
});
