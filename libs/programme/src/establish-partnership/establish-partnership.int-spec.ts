import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { CommandRunner, createPool, PostgresEventStore, type CommandContext } from '@kooperacja/platform';
import { createTestDatabase, type TestDatabase } from '@kooperacja/platform/testing';
import { AmendScheduleHandler } from '../amend-schedule/amend-schedule.handler';
import { pln } from '../contracts/money';
import { ProgrammePeriodLookup } from '../contracts/programme-period.lookup';
import { PROJECT_STREAM_ID } from '../contracts/project.view';
import { EstablishPartnershipHandler } from './establish-partnership.handler';

function contextFor(tenantId: string, commandId = randomUUID()): CommandContext {
  return {
    tenantId,
    actor: { sub: 'admin-1', role: 'tenant-admin', tenantId },
    commandId,
    correlationId: commandId,
    causationId: commandId,
    metadata: { source: 'seed 002' },
  };
}

const partnership = {
  projectTitle: 'Kooperacja – efektywna i skuteczna',
  leadPartnerId: 'rops-torun',
  partners: [
    {
      partnerId: 'rops-torun',
      name: 'Regionalny Ośrodek Polityki Społecznej w Toruniu',
      kind: 'ROPS' as const,
      voivodeships: ['kujawsko-pomorskie'],
    },
    {
      partnerId: 'umk',
      name: 'Uniwersytet Mikołaja Kopernika w Toruniu',
      kind: 'university' as const,
      voivodeships: ['kujawsko-pomorskie'],
    },
  ],
  plannedPeriod: { start: '2018-04-01', end: '2021-03-31' },
  budget: { total: pln('11 977 479,39'), euShare: pln('10 094 619,62') },
  source: 'seed 002',
};

describe('the programme stream of a tenant (PostgreSQL)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let establish: EstablishPartnershipHandler;
  let amendSchedule: AmendScheduleHandler;
  let periods: ProgrammePeriodLookup;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPool(db.url);
    store = new PostgresEventStore(pool);
    const runner = new CommandRunner(store);
    establish = new EstablishPartnershipHandler(runner);
    amendSchedule = new AmendScheduleHandler(runner);
    periods = new ProgrammePeriodLookup(store);
  });

  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('records the partnership and reads it back as stored', async () => {
    const context = contextFor('mr2');
    const outcome = await establish.execute(partnership, context, '2018-03-20');

    expect(outcome).toEqual({
      streamId: 'programme.project-main',
      revision: 0,
      eventIds: [expect.any(String)],
      alreadyApplied: false,
    });
    const [stored] = await store.readStream('mr2', PROJECT_STREAM_ID);
    expect(stored).toMatchObject({
      id: outcome.eventIds[0],
      type: 'programme.PartnershipEstablished.v1',
      data: {
        leadPartnerId: 'rops-torun',
        budget: {
          total: { grosze: '1197747939', currency: 'PLN' },
          euShare: { grosze: '1009461962', currency: 'PLN' },
        },
        establishedOn: '2018-03-20',
      },
      metadata: { tenantId: 'mr2', commandId: context.commandId, occurredAt: '2018-03-20', source: 'seed 002' },
    });
    expect(await periods.periodOf('mr2')).toEqual({ start: '2018-04-01', end: '2021-03-31' });
  });

  it('writes nothing when the same command is retried', async () => {
    const context = contextFor('mr2');
    const first = await amendSchedule.execute(
      { period: { start: '2018-04-01', end: '2022-12-31' }, source: 'aneks nr 5' },
      context,
      '2021-02-15',
    );
    const retry = await amendSchedule.execute(
      { period: { start: '2018-04-01', end: '2022-12-31' }, source: 'aneks nr 5' },
      context,
      '2021-02-15',
    );

    expect(first).toMatchObject({ revision: 1, alreadyApplied: false });
    expect(retry).toEqual({ ...first, alreadyApplied: true });
    expect((await store.readStream('mr2', PROJECT_STREAM_ID)).map((e) => e.type)).toEqual([
      'programme.PartnershipEstablished.v1',
      'programme.ScheduleAmended.v1',
    ]);
  });

  it('gives other contexts the amended period, and nothing for a tenant without a partnership', async () => {
    expect(await periods.periodOf('mr2')).toEqual({ start: '2018-04-01', end: '2022-12-31' });
    const project = await periods.projectOf('mr2');
    expect(project?.schedule.planned).toEqual({ start: '2018-04-01', end: '2021-03-31' });
    expect(await periods.periodOf('mr3')).toBeNull();
  });

  it('refuses a second partnership and writes nothing', async () => {
    await expect(establish.execute(partnership, contextFor('mr2'), '2018-03-21')).rejects.toMatchObject({
      kind: 'conflict',
      code: 'project.already-established',
    });
    expect(await store.readStream('mr2', PROJECT_STREAM_ID)).toHaveLength(2);
  });

  it('reads a budget amendment stored as v1 (PLN in numbers) as grosze', async () => {
    const context = contextFor('mr2');
    await store.append(
      'mr2',
      PROJECT_STREAM_ID,
      [
        {
          id: randomUUID(),
          type: 'programme.BudgetAmended.v1',
          data: { totalPln: 31604368.34, amendedOn: '2020-09-30', source: 'seed 000' },
          metadata: {
            tenantId: 'mr2',
            commandId: context.commandId,
            correlationId: context.correlationId,
            causationId: context.causationId,
            actor: context.actor,
            occurredAt: '2020-09-30',
            schemaVersion: 1,
          },
        },
      ],
      1,
    );

    const project = await periods.projectOf('mr2');
    expect(project?.budget.current).toEqual({ total: pln('31 604 368,34'), euShare: pln('10 094 619,62') });
    expect(project?.budget.amendments).toEqual([
      { budget: { total: { grosze: '3160436834', currency: 'PLN' } }, amendedOn: '2020-09-30', source: 'seed 000' },
    ]);
  });
});
