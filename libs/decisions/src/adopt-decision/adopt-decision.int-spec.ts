import { randomUUID } from 'node:crypto';
import {
  ConveneGroupHandler,
  DissolveGroupHandler,
  GroupsFacade,
  HoldMeetingHandler,
  JoinMemberHandler,
} from '@kooperacja/groups';
import {
  CommandRunner,
  DomainError,
  PostgresEventStore,
  type CommandContext,
  type ProjectPeriodLookup,
  type TenantDirectory,
  type TenantInfo,
} from '@kooperacja/platform';
import { createTestDatabase, type TestDatabase } from '@kooperacja/platform/testing';
import { Pool } from 'pg';
import { CorrectDecisionRecordHandler } from '../correct-decision-record/correct-decision-record.handler';
import { ProposeDecisionHandler } from '../propose-decision/propose-decision.handler';
import { RevokeDecisionHandler } from '../revoke-decision/revoke-decision.handler';
import { AdoptDecisionHandler } from './adopt-decision.handler';

const TENANT = 'macroregion-ii';

const tenantInfo: TenantInfo = {
  id: TENANT,
  name: 'Kooperacja – efektywna i skuteczna',
  nameEn: 'Cooperation – effective and efficient',
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
const tenants: TenantDirectory = {
  get: async (id) => (id === TENANT ? tenantInfo : null),
  list: async () => [tenantInfo],
};
const periods: ProjectPeriodLookup = {
  periodOf: async (id) => (id === TENANT ? { start: '2018-04-01', end: '2023-11-30' } : null),
};

function contextFor(commandId = randomUUID()): CommandContext {
  return {
    tenantId: TENANT,
    actor: { sub: 'editor-torun', role: 'tenant-editor', tenantId: TENANT },
    commandId,
    correlationId: commandId,
    causationId: commandId,
  };
}

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('decisions on PostgreSQL: a body proposes and adopts', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let groups: {
    convene: ConveneGroupHandler;
    join: JoinMemberHandler;
    hold: HoldMeetingHandler;
    dissolve: DissolveGroupHandler;
  };
  let propose: ProposeDecisionHandler;
  let adopt: AdoptDecisionHandler;
  let revoke: RevokeDecisionHandler;
  let correct: CorrectDecisionRecordHandler;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 5 });
    store = new PostgresEventStore(pool);
    const runner = new CommandRunner(store);
    const facade = new GroupsFacade(store);
    groups = {
      convene: new ConveneGroupHandler(runner, periods, tenants),
      join: new JoinMemberHandler(runner, periods),
      hold: new HoldMeetingHandler(runner, periods),
      dissolve: new DissolveGroupHandler(runner, periods),
    };
    propose = new ProposeDecisionHandler(runner, periods, facade);
    adopt = new AdoptDecisionHandler(runner, periods, facade);
    revoke = new RevokeDecisionHandler(runner, periods, facade);
    correct = new CorrectDecisionRecordHandler(runner, periods, facade);
  });

  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  /** A PGD in powiat starogardzki: three members from 2018-10-01, a fourth from 2018-12-01. */
  async function pgdWithMeeting() {
    const { groupId } = await groups.convene.execute(
      { kind: 'PGD', level: 'powiat', territory: '2213', name: 'PGD powiatu starogardzkiego' },
      contextFor(),
      '2018-10-01',
    );
    const members = [
      { fullName: 'Maria Zielińska', institution: 'PCPR Starogard Gdański', sector: 'social-assistance' as const },
      { fullName: 'Tomasz Lewandowski', institution: 'PUP Starogard Gdański', sector: 'labour-office' as const },
      { fullName: 'Katarzyna Dąbrowska', institution: 'Sąd Rejonowy', sector: 'courts-probation' as const },
    ];
    const personIds: string[] = [];
    for (const m of members) {
      const { personId } = await groups.join.execute({ groupId, ...m, role: 'member' }, contextFor(), '2018-10-01');
      personIds.push(personId);
    }
    await groups.hold.execute(
      { groupId, days: 1, attendance: { kind: 'members', personIds } },
      contextFor(),
      '2018-11-20',
    );
    await groups.join.execute(
      { groupId, fullName: 'Paweł Wójcik', institution: 'KPP Starogard', sector: 'police', role: 'member' },
      contextFor(),
      '2018-12-01',
    );
    return { groupId };
  }

  async function proposal(groupId: string) {
    return propose.execute(
      { groupId, subject: 'Koncepcja wdrażania modelu', text: 'PGD przyjmuje koncepcję wdrażania modelu w powiecie.' },
      contextFor(),
      '2018-11-20',
    );
  }

  it('records a proposal and its adoption by the votes of the members that day', async () => {
    const { groupId } = await pgdWithMeeting();
    const proposed = await proposal(groupId);
    const adopted = await adopt.execute(
      { decisionId: proposed.decisionId, outcome: { kind: 'vote', for: 2, against: 0, abstaining: 1 } },
      contextFor(),
      '2018-11-20',
    );

    expect(adopted).toMatchObject({ groupId, status: 'adopted', revision: 1, alreadyApplied: false });
    const stored = await store.readStream(TENANT, adopted.streamId);
    expect(stored.map((e) => [e.type, e.metadata.occurredAt])).toEqual([
      ['decisions.DecisionProposed.v1', '2018-11-20'],
      ['decisions.DecisionAdopted.v1', '2018-11-20'],
    ]);
    expect(stored[1].data).toEqual({
      decisionId: proposed.decisionId,
      groupId,
      adoptedOn: '2018-11-20',
      effectiveOn: '2018-11-20',
      outcome: { kind: 'vote', for: 2, against: 0, abstaining: 1 },
    });
  });

  it('refuses more votes than the body had members that day, counting a later member only after joining', async () => {
    const { groupId } = await pgdWithMeeting();
    const proposed = await proposal(groupId);
    const fourVotes = { kind: 'vote' as const, for: 3, against: 1, abstaining: 0 };

    const error = await refusal(
      adopt.execute({ decisionId: proposed.decisionId, outcome: fourVotes }, contextFor(), '2018-11-30'),
    );
    expect([error.kind, error.code, error.field]).toEqual(['conflict', 'decision.votes-exceed-membership', 'outcome']);
    expect(await store.readStream(TENANT, proposed.streamId)).toHaveLength(1);

    const adopted = await adopt.execute(
      { decisionId: proposed.decisionId, outcome: fourVotes },
      contextFor(),
      '2018-12-01',
    );
    expect(adopted.status).toBe('adopted');
  });

  it('writes nothing when an adoption is retried with the same command id', async () => {
    const { groupId } = await pgdWithMeeting();
    const proposed = await proposal(groupId);
    const context = contextFor();
    const input = { decisionId: proposed.decisionId, outcome: { kind: 'consensus' as const } };

    const first = await adopt.execute(input, context, '2018-11-20');
    const retried = await adopt.execute(input, context, '2018-11-20');

    expect(retried).toEqual({ ...first, alreadyApplied: true });
    expect(await store.readStream(TENANT, first.streamId)).toHaveLength(2);
    // A second adoption under a new command id is a different request, and refused.
    const again = await refusal(adopt.execute(input, contextFor(), '2018-11-21'));
    expect(again.code).toBe('decision.already-adopted');
  });

  it('proposes the same decision when a proposal without a decision id is retried', async () => {
    const { groupId } = await pgdWithMeeting();
    const context = contextFor();
    const input = { groupId, subject: 'Harmonogram spotkań', text: 'Spotkania raz w miesiącu.' };
    const first = await propose.execute(input, context, '2018-11-20');
    const retried = await propose.execute(input, context, '2018-11-20');
    expect(retried).toEqual({ ...first, alreadyApplied: true });
    expect(await store.readStream(TENANT, first.streamId)).toHaveLength(1);
  });

  it('refuses a proposal to a body not convened yet, or to a group that does not exist', async () => {
    const { groupId } = await pgdWithMeeting();
    const early = await refusal(propose.execute({ groupId, subject: 'S', text: 'T' }, contextFor(), '2018-09-30'));
    expect([early.code, early.field]).toEqual(['body.not-convened', 'occurredAt']);
    const missing = await refusal(
      propose.execute({ groupId: randomUUID(), subject: 'S', text: 'T' }, contextFor(), '2018-11-20'),
    );
    expect([missing.kind, missing.code]).toEqual(['not_found', 'body.not-found']);
  });

  it('checks corrected votes against the members on the day of the decision, not on the day of the correction', async () => {
    const { groupId } = await pgdWithMeeting();
    const proposed = await proposal(groupId);
    await adopt.execute(
      { decisionId: proposed.decisionId, outcome: { kind: 'vote', for: 2, against: 1, abstaining: 0 } },
      contextFor(),
      '2018-11-20',
    );
    const fourVotes = { kind: 'vote' as const, for: 3, against: 1, abstaining: 0 };

    const error = await refusal(
      correct.execute(
        { decisionId: proposed.decisionId, outcome: fourVotes, reason: 'protokół' },
        contextFor(),
        '2022-02-01',
      ),
    );
    expect([error.code, error.field]).toEqual(['decision.votes-exceed-membership', 'outcome']);

    const moved = await correct.execute(
      { decisionId: proposed.decisionId, outcome: fourVotes, decidedOn: '2018-12-03', reason: 'data z protokołu' },
      contextFor(),
      '2022-02-01',
    );
    expect(moved).toMatchObject({ status: 'adopted', revision: 2 });
  });

  it('refuses a revocation by a body dissolved before that day', async () => {
    const { groupId } = await pgdWithMeeting();
    const proposed = await proposal(groupId);
    await adopt.execute(
      { decisionId: proposed.decisionId, outcome: { kind: 'consensus' } },
      contextFor(),
      '2018-11-20',
    );
    await groups.dissolve.execute({ groupId }, contextFor(), '2019-03-31');

    const error = await refusal(
      revoke.execute({ decisionId: proposed.decisionId, reason: 'nieaktualna' }, contextFor(), '2019-04-01'),
    );
    expect([error.code, error.field]).toEqual(['body.dissolved', 'occurredAt']);
  });

  it("refuses a tenant editor a body outside their voivodeships ('voivodeship.forbidden')", async () => {
    const { groupId } = await pgdWithMeeting();
    const error = await refusal(
      propose.execute({ groupId, subject: 'S', text: 'T' }, contextFor(), '2018-11-20', {
        allowedVoivodeships: ['wielkopolskie'],
      }),
    );
    expect([error.kind, error.code]).toEqual(['conflict', 'voivodeship.forbidden']);
  });
});
