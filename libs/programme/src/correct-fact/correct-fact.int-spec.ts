import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { CommandRunner, createPool, PostgresEventStore, type CommandContext } from '@kooperacja/platform';
import { createTestDatabase, type TestDatabase } from '@kooperacja/platform/testing';
import { CompleteMilestoneHandler } from '../complete-milestone/complete-milestone.handler';
import { pln } from '../contracts/money';
import { ProgrammePeriodLookup } from '../contracts/programme-period.lookup';
import { PROJECT_STREAM_ID } from '../contracts/project.view';
import { EstablishPartnershipHandler } from '../establish-partnership/establish-partnership.handler';
import { CorrectFactHandler } from './correct-fact.handler';

function contextFor(commandId = randomUUID()): CommandContext {
  return {
    tenantId: 'mr3',
    actor: { sub: 'admin-3', role: 'tenant-admin', tenantId: 'mr3' },
    commandId,
    correlationId: commandId,
    causationId: commandId,
  };
}

describe('correcting a recorded fact by its event id (PostgreSQL)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let correct: CorrectFactHandler;
  let milestoneEventId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPool(db.url);
    store = new PostgresEventStore(pool);
    const runner = new CommandRunner(store);
    correct = new CorrectFactHandler(runner);
    await new EstablishPartnershipHandler(runner).execute(
      {
        projectTitle: 'Kooperacje 3D – model wielosektorowej współpracy na rzecz wsparcia osób i rodzin',
        leadPartnerId: 'rops-katowice',
        partners: [
          { partnerId: 'rops-katowice', name: 'ROPS Katowice', kind: 'ROPS', voivodeships: ['śląskie'] },
          { partnerId: 'rcps-lodz', name: 'RCPS Łódź', kind: 'RCPS', voivodeships: ['łódzkie'] },
        ],
        plannedPeriod: { start: '2018-04-01', end: '2021-06-30' },
        budget: { euShare: pln('20 761 034,04') },
      },
      contextFor(),
      '2018-04-01',
    );
    const completed = await new CompleteMilestoneHandler(runner).execute(
      { milestone: 3, source: '3d.rops-katowice.pl' },
      contextFor(),
      '2021-03-30',
    );
    milestoneEventId = completed.eventIds[0];
  });

  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('appends the correction, keeps the wrong fact, and shows the corrected one; a retry writes nothing', async () => {
    const context = contextFor();
    const input = {
      correctedEventId: milestoneEventId,
      reason: 'KM III zakończono 31.03.2021',
      replacement: { milestone: 3, completedOn: '2021-03-31', source: '3d.rops-katowice.pl' },
    };
    const outcome = await correct.execute(input, context, '2025-02-03');
    const retry = await correct.execute(input, context, '2025-02-03');

    expect(outcome).toMatchObject({ revision: 2, alreadyApplied: false });
    expect(retry).toEqual({ ...outcome, alreadyApplied: true });
    const stored = await store.readStream('mr3', PROJECT_STREAM_ID);
    expect(stored.map((e) => e.type)).toEqual([
      'programme.PartnershipEstablished.v1',
      'programme.MilestoneCompleted.v1',
      'programme.FactCorrected.v1',
    ]);
    expect(stored[2].data).toMatchObject({ correctedEventId: milestoneEventId, correctedRevision: 1 });
    const project = await new ProgrammePeriodLookup(store).projectOf('mr3');
    expect(project?.milestones).toEqual([{ milestone: 3, completedOn: '2021-03-31', source: '3d.rops-katowice.pl' }]);
  });

  it('refuses an event id that is not in the stream', async () => {
    await expect(
      correct.execute({ correctedEventId: randomUUID(), reason: 'pomyłka' }, contextFor(), '2025-02-03'),
    ).rejects.toMatchObject({ kind: 'not_found', code: 'correction.event-not-found' });
  });
});
