import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import {
  appRoleName,
  CommandRunner,
  createPool,
  PartitionWorker,
  PostgresEventStore,
  PostgresTenantDirectory,
  ProjectionRebuilder,
  ProjectionSchema,
  projectionLag,
  withTenantTransaction,
  type CommandContext,
  type ProjectPeriodLookup,
  type RecordedEvent,
} from '@kooperacja/platform';
import { createTestDatabase, eventually, type TestDatabase } from '@kooperacja/platform/testing';
import { DeclareParticipationHandler } from '../declare-participation/declare-participation.handler';
import { InviteMunicipalityHandler } from '../invite-municipality/invite-municipality.handler';
import { InvitePowiatHandler } from '../invite-powiat/invite-powiat.handler';
import { RecruitPilotSiteHandler } from '../recruit-pilot-site/recruit-pilot-site.handler';
import { SignCooperationAgreementHandler } from '../sign-cooperation-agreement/sign-cooperation-agreement.handler';
import { SignPowiatAgreementHandler } from '../sign-powiat-agreement/sign-powiat-agreement.handler';
import { WithdrawMunicipalityHandler } from '../withdraw-municipality/withdraw-municipality.handler';
import { municipalitiesAndAgreementsEntities } from './municipalities-and-agreements.entity';
import {
  MUNICIPALITIES_TABLE,
  municipalitiesAndAgreementsProjection,
} from './municipalities-and-agreements.projection';
import { MunicipalitiesQuery } from './municipalities-and-agreements.query';

// The programme's period lookup is a port; a fixed period stands in for it here.
const periods: ProjectPeriodLookup = { periodOf: async () => ({ start: '2018-04-01', end: '2023-11-30' }) };

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

const gmina = (teryt: string, name: string, powiat: string, voivodeship = 'pomorskie') => ({
  teryt,
  name,
  type: 'urban-rural' as const,
  powiat,
  voivodeship,
});

describe('municipalities and their agreements read model (PostgreSQL)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let readModels: DataSource;
  let query: MunicipalitiesQuery;

  // The store hands out an event only once every transaction of the cluster that could precede it
  // has ended, so a worker may need a few rounds before it has seen every event appended.
  const project = async (tenantId: string, batchSize?: number) => {
    const version = await new ProjectionSchema(pool, appRoleName()).ensureActive(municipalitiesAndAgreementsProjection);
    const worker = new PartitionWorker(
      pool,
      store,
      municipalitiesAndAgreementsProjection,
      version,
      tenantId,
      batchSize,
    );
    await eventually(
      async () => {
        await worker.catchUp();
        const lag = await projectionLag(pool, [municipalitiesAndAgreementsProjection]);
        expect(lag.find((l) => l.tenantId === tenantId)?.eventsBehind).toBe(0);
      },
      { timeoutMs: 30_000 },
    );
  };
  const rows = async () =>
    (await pool.query(`SELECT * FROM ${MUNICIPALITIES_TABLE} ORDER BY tenant_id, teryt`)).rows as Record<
      string,
      unknown
    >[];

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPool(db.url, { max: 5 });
    store = new PostgresEventStore(pool);
    const runner = new CommandRunner(store);
    const tenants = new PostgresTenantDirectory(pool);
    readModels = await new DataSource({
      type: 'postgres',
      url: db.appUrl,
      entities: municipalitiesAndAgreementsEntities,
      synchronize: false,
    }).initialize();
    query = new MunicipalitiesQuery(readModels);

    const invite = new InviteMunicipalityHandler(runner, periods, tenants);
    const declare = new DeclareParticipationHandler(runner, periods);
    const sign = new SignCooperationAgreementHandler(runner, periods);
    const recruit = new RecruitPilotSiteHandler(runner, periods);
    const withdraw = new WithdrawMunicipalityHandler(runner, periods);

    await invite.execute(gmina('2205023', 'Kartuzy', 'kartuski'), admin('mr2'), '2019-03-04');
    await declare.execute({ teryt: '2205023', declarationRef: 'DW/3/2019' }, admin('mr2'), '2019-04-10');
    await sign.execute({ teryt: '2205023', agreementRef: 'POR/7/2019' }, admin('mr2'), '2019-06-03');
    await recruit.execute({ teryt: '2205023' }, admin('mr2'), '2019-09-02');
    await invite.execute(gmina('2205083', 'Żukowo', 'kartuski'), admin('mr2'), '2019-03-05');
    await declare.execute({ teryt: '2205083' }, admin('mr2'), '2019-04-11');
    await sign.execute({ teryt: '2205083', agreementRef: 'POR/8/2019' }, admin('mr2'), '2019-06-04');
    await invite.execute(gmina('2202013', 'Brusy', 'chojnicki'), admin('mr2'), '2019-03-06');
    await withdraw.execute({ teryt: '2202013', reason: 'Rada Gminy nie przyjęła uchwały' }, admin('mr2'), '2019-05-06');
    await invite.execute(gmina('2815043', 'Miłomłyn', 'ostródzki', 'warmińsko-mazurskie'), admin('mr2'), '2019-03-07');
    await new InvitePowiatHandler(runner, periods, tenants).execute(
      { teryt: '2205', name: 'kartuski', voivodeship: 'pomorskie' },
      admin('mr2'),
      '2019-02-01',
    );
    await new SignPowiatAgreementHandler(runner, periods).execute(
      { teryt: '2205', agreementRef: 'POR/P/2/2019' },
      admin('mr2'),
      '2019-05-20',
    );
    await invite.execute(
      { teryt: '2469011', name: 'Katowice', type: 'urban', powiat: 'Katowice', voivodeship: 'śląskie' },
      admin('mr3'),
      '2019-03-01',
    );
    // Small batches: a gmina's steps arrive across several of them.
    await project('mr2', 2);
    await project('mr3', 2);
  });

  afterAll(async () => {
    await readModels.destroy();
    await pool.end();
    await db.drop();
  });

  it('gives one row per gmina and powiat with its status, place, dates and agreement', async () => {
    const page = await query.list('mr2', { page: 1, pageSize: 50 });
    expect(page.total).toBe(5);
    expect(page.items.map((i) => [i.teryt, i.kind, i.status])).toEqual([
      ['2202013', 'gmina', 'withdrawn'],
      ['2205', 'powiat', 'under-agreement'],
      ['2205023', 'gmina', 'pilot-site'],
      ['2205083', 'gmina', 'under-agreement'],
      ['2815043', 'gmina', 'invited'],
    ]);
    expect(page.items.find((i) => i.teryt === '2205023')).toMatchObject({
      name: 'Kartuzy',
      type: 'urban-rural',
      powiat: 'kartuski',
      powiatTeryt: '2205',
      voivodeship: 'pomorskie',
      invitedOn: '2019-03-04',
      declaredOn: '2019-04-10',
      declarationRef: 'DW/3/2019',
      agreement: { signedOn: '2019-06-03', reference: 'POR/7/2019' },
      pilotSiteOn: '2019-09-02',
      withdrawal: null,
      revision: 3,
    });
    expect(page.items.find((i) => i.teryt === '2202013')).toMatchObject({
      invitedOn: '2019-03-06',
      declaredOn: null,
      withdrawal: { withdrawnOn: '2019-05-06', reason: 'Rada Gminy nie przyjęła uchwały' },
    });
    expect(page.items.find((i) => i.teryt === '2205')).toMatchObject({
      name: 'kartuski',
      type: null,
      invitedOn: '2019-02-01',
      agreement: { signedOn: '2019-05-20', reference: 'POR/P/2/2019' },
    });
  });

  it('filters by status, voivodeship and kind, and pages', async () => {
    const agreed = await query.list('mr2', { status: 'under-agreement', page: 1, pageSize: 50 });
    expect(agreed.items.map((i) => i.teryt)).toEqual(['2205', '2205083']);
    const agreedGminas = await query.list('mr2', { status: 'under-agreement', kind: 'gmina', page: 1, pageSize: 50 });
    expect(agreedGminas.items.map((i) => i.teryt)).toEqual(['2205083']);
    const warmia = await query.list('mr2', { voivodeship: 'warmińsko-mazurskie', page: 1, pageSize: 50 });
    expect(warmia.items.map((i) => i.name)).toEqual(['Miłomłyn']);
    const second = await query.list('mr2', { page: 2, pageSize: 2 });
    expect([second.total, second.items.map((i) => i.teryt)]).toEqual([5, ['2205023', '2205083']]);
  });

  it('gives the same rows when the events are replayed into a second version, and when applied twice', async () => {
    const before = await rows();
    const result = await new ProjectionRebuilder(pool, store, db.url, { readerRole: appRoleName() }).rebuild(
      municipalitiesAndAgreementsProjection,
    );
    expect(result).toMatchObject({ fromVersion: 1, toVersion: 2 });
    await project('mr2'); // as the live runner would, should the rebuild have swapped before seeing the last events
    await project('mr3');
    expect(await rows()).toEqual(before);

    const events: RecordedEvent[] = [];
    for (const teryt of ['2205023', '2205083', '2202013']) {
      events.push(...(await store.readStream('mr2', `territory.municipality-${teryt}`)));
    }
    await withTenantTransaction(pool, 'mr2', (client) =>
      municipalitiesAndAgreementsProjection.apply(events, { tenantId: 'mr2', client, table: (b) => `${b}_v2` }),
    );
    expect(await rows()).toEqual(before);
  });

  it("shows a tenant its own rows only: another tenant's transaction sees none", async () => {
    const app = createPool(db.appUrl, { max: 1 });
    try {
      const seen = (tenantId: string) =>
        withTenantTransaction(
          app,
          tenantId,
          async (c) => (await c.query(`SELECT tenant_id, teryt FROM ${MUNICIPALITIES_TABLE} ORDER BY teryt`)).rows,
        );
      expect(await seen('mr1')).toEqual([]);
      expect(await seen('mr3')).toEqual([{ tenant_id: 'mr3', teryt: '2469011' }]);
      expect((await app.query(`SELECT * FROM ${MUNICIPALITIES_TABLE}`)).rows).toEqual([]);
    } finally {
      await app.end();
    }
    expect(await query.list('mr1', { page: 1, pageSize: 50 })).toEqual({ items: [], page: 1, pageSize: 50, total: 0 });
  });
});
