import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import {
  CommandRunner,
  createPool,
  DomainError,
  PostgresEventStore,
  type CommandContext,
  type ProjectPeriod,
  type ProjectPeriodLookup,
  type TenantDirectory,
  type TenantInfo,
} from '@kooperacja/platform';
import { createTestDatabase, type TestDatabase } from '@kooperacja/platform/testing';
import { DeclareParticipationHandler } from '../declare-participation/declare-participation.handler';
import { RecruitPilotSiteHandler } from '../recruit-pilot-site/recruit-pilot-site.handler';
import { SignCooperationAgreementHandler } from '../sign-cooperation-agreement/sign-cooperation-agreement.handler';
import { InviteMunicipalityHandler } from './invite-municipality.handler';

const macroregionII: TenantInfo = {
  id: 'mr2',
  name: 'Makroregion II',
  nameEn: 'Macroregion II',
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
};

// Small in-memory ports: the real ones belong to the programme context and the tenancy module.
const tenants: TenantDirectory = {
  get: async (id) => (id === macroregionII.id ? macroregionII : null),
  list: async () => [macroregionII],
};
const periods: ProjectPeriodLookup = {
  periodOf: async (): Promise<ProjectPeriod> => ({ start: '2018-04-01', end: '2023-11-30' }),
};

function contextFor(tenantId = 'mr2', commandId = randomUUID()): CommandContext {
  return {
    tenantId,
    actor: { sub: 'editor-1', role: 'tenant-editor', tenantId },
    commandId,
    correlationId: commandId,
    causationId: commandId,
  };
}

const kartuzy = {
  teryt: '2205023',
  name: 'Kartuzy',
  type: 'urban-rural' as const,
  powiat: 'kartuski',
  voivodeship: 'pomorskie',
};

describe('inviting a gmina and taking it to the pilot (PostgreSQL)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let invite: InviteMunicipalityHandler;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPool(db.url);
    store = new PostgresEventStore(pool);
    invite = new InviteMunicipalityHandler(new CommandRunner(store), periods, tenants);
  });

  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('records the invitation in the gmina stream, with business time and actor in the metadata', async () => {
    const context = contextFor();
    const outcome = await invite.execute(kartuzy, context, '2019-03-04');

    expect(outcome).toEqual({
      streamId: 'territory.municipality-2205023',
      revision: 0,
      eventIds: [expect.any(String)],
      alreadyApplied: false,
    });
    const stored = await store.readStream('mr2', 'territory.municipality-2205023');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      id: outcome.eventIds[0],
      type: 'territory.MunicipalityInvited.v1',
      data: { ...kartuzy, typeException: null, invitedOn: '2019-03-04' },
      metadata: {
        commandId: context.commandId,
        occurredAt: '2019-03-04',
        actor: { sub: 'editor-1' },
        schemaVersion: 1,
      },
    });
  });

  it('writes nothing when the same command is retried', async () => {
    const context = contextFor();
    const first = await invite.execute(
      { ...kartuzy, teryt: '3201033', name: 'Karlino', powiat: 'białogardzki', voivodeship: 'zachodniopomorskie' },
      context,
      '2019-03-05',
    );
    const retry = await invite.execute(
      { ...kartuzy, teryt: '3201033', name: 'Karlino', powiat: 'białogardzki', voivodeship: 'zachodniopomorskie' },
      context,
      '2019-03-05',
    );

    expect(retry).toEqual({ ...first, alreadyApplied: true });
    expect(await store.readStream('mr2', 'territory.municipality-3201033')).toHaveLength(1);
  });

  it('refuses a gmina of another type than the model and writes nothing', async () => {
    const bialogard = {
      teryt: '3201022',
      name: 'Białogard',
      type: 'rural' as const,
      powiat: 'białogardzki',
      voivodeship: 'zachodniopomorskie',
    };
    await expect(invite.execute(bialogard, contextFor(), '2019-03-05')).rejects.toMatchObject({
      code: 'municipality.type-mismatch',
      field: 'type',
    });
    expect(await store.readStream('mr2', 'territory.municipality-3201022')).toEqual([]);
  });

  it('refuses a tenant-editor outside its voivodeships with voivodeship.forbidden', async () => {
    const error = await invite
      .execute(
        {
          teryt: '3201033',
          name: 'Karlino',
          type: 'urban-rural',
          powiat: 'białogardzki',
          voivodeship: 'zachodniopomorskie',
        },
        { ...contextFor(), allowedVoivodeships: ['pomorskie'] },
        '2019-03-05',
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'conflict', code: 'voivodeship.forbidden' });
  });

  it('refuses a tenant the directory does not know', async () => {
    await expect(invite.execute(kartuzy, contextFor('mr9'), '2019-03-04')).rejects.toMatchObject({
      kind: 'not_found',
      code: 'tenant.unknown',
    });
  });

  it('takes the gmina through declaration and agreement to a pilot site', async () => {
    const runner = new CommandRunner(store);
    await new DeclareParticipationHandler(runner, periods).execute({ teryt: '2205023' }, contextFor(), '2019-04-10');
    await new SignCooperationAgreementHandler(runner, periods).execute(
      { teryt: '2205023', agreementRef: 'POR/7/2019' },
      contextFor(),
      '2019-06-03',
    );
    const recruited = await new RecruitPilotSiteHandler(runner, periods).execute(
      { teryt: '2205023' },
      contextFor(),
      '2019-09-02',
    );

    expect(recruited.revision).toBe(3);
    const stored = await store.readStream('mr2', 'territory.municipality-2205023');
    expect(stored.map((e) => [e.type, e.metadata.occurredAt])).toEqual([
      ['territory.MunicipalityInvited.v1', '2019-03-04'],
      ['territory.ParticipationDeclared.v1', '2019-04-10'],
      ['territory.CooperationAgreementSigned.v1', '2019-06-03'],
      ['territory.PilotSiteRecruited.v1', '2019-09-02'],
    ]);
  });
});
