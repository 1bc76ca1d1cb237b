import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { CommandRunner, createPool, PostgresEventStore, type CommandContext } from '@kooperacja/platform';
import { createTestDatabase, type TestDatabase } from '@kooperacja/platform/testing';
import { AmendScheduleHandler } from '../amend-schedule/amend-schedule.handler';
import { EstablishPartnershipHandler } from '../establish-partnership/establish-partnership.handler';
import { pln } from './money';
import { ProgrammePeriodLookup } from './programme-period.lookup';

function contextFor(): CommandContext {
  const commandId = randomUUID();
  return {
    tenantId: 'mr2',
    actor: { sub: 'admin-2', role: 'tenant-admin', tenantId: 'mr2' },
    commandId,
    correlationId: commandId,
    causationId: commandId,
  };
}

describe('the project period other contexts check dates against (PostgreSQL)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let runner: CommandRunner;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPool(db.url);
    runner = new CommandRunner(new PostgresEventStore(pool));
  });

  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  const establish = (end: string) =>
    new EstablishPartnershipHandler(runner).execute(
      {
        projectTitle: 'Model kooperacji – makroregion II',
        leadPartnerId: 'rops-gdansk',
        partners: [{ partnerId: 'rops-gdansk', name: 'ROPS Gdańsk', kind: 'ROPS', voivodeships: ['pomorskie'] }],
        plannedPeriod: { start: '2018-04-01', end },
        budget: { euShare: pln('10 000 000,00') },
      },
      contextFor(),
      '2018-04-01',
    );

  it('follows every schedule amendment, and a stream erased and written anew, with one lookup kept alive', async () => {
    const lookup = new ProgrammePeriodLookup(new PostgresEventStore(pool));
    expect(await lookup.periodOf('mr2')).toBeNull();

    await establish('2021-06-30');
    expect(await lookup.periodOf('mr2')).toEqual({ start: '2018-04-01', end: '2021-06-30' });
    expect(await lookup.periodOf('mr2')).toEqual({ start: '2018-04-01', end: '2021-06-30' });

    const amend = new AmendScheduleHandler(runner);
    await amend.execute(
      { period: { start: '2018-04-01', end: '2022-12-31' }, source: 'aneks nr 1' },
      contextFor(),
      '2021-05-10',
    );
    expect(await lookup.periodOf('mr2')).toEqual({ start: '2018-04-01', end: '2022-12-31' });
    await amend.execute(
      { period: { start: '2018-04-01', end: '2023-06-30' }, source: 'aneks nr 2' },
      contextFor(),
      '2022-11-02',
    );
    await amend.execute(
      { period: { start: '2018-04-01', end: '2023-09-30' }, source: 'aneks nr 3' },
      contextFor(),
      '2023-05-15',
    );
    expect(await lookup.periodOf('mr2')).toEqual({ start: '2018-04-01', end: '2023-09-30' });

    // The tenant's events erased (offboarding) and its project recorded anew: same revisions, other events.
    await pool.query(`DELETE FROM es_events WHERE tenant_id = 'mr2'`);
    expect(await lookup.periodOf('mr2')).toBeNull();
    await establish('2020-12-31');
    await amend.execute(
      { period: { start: '2018-04-01', end: '2021-03-31' }, source: 'aneks nr 1' },
      contextFor(),
      '2020-10-01',
    );
    expect(await lookup.periodOf('mr2')).toEqual({ start: '2018-04-01', end: '2021-03-31' });
  });

  it('refolds from the start when the stream was replaced behind its back with as many events or more', async () => {
    const lookup = new ProgrammePeriodLookup(new PostgresEventStore(pool));
    await pool.query(`DELETE FROM es_events WHERE tenant_id = 'mr2'`);
    await establish('2021-06-30');
    expect(await lookup.periodOf('mr2')).toEqual({ start: '2018-04-01', end: '2021-06-30' });
    await pool.query(`DELETE FROM es_events WHERE tenant_id = 'mr2'`);
    await establish('2019-12-31');
    await new AmendScheduleHandler(runner).execute(
      { period: { start: '2018-04-01', end: '2020-06-30' }, source: 'aneks nr 1' },
      contextFor(),
      '2019-11-04',
    );
    expect(await lookup.periodOf('mr2')).toEqual({ start: '2018-04-01', end: '2020-06-30' });
  });
});
