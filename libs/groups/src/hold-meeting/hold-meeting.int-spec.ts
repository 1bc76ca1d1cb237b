import { randomUUID } from 'node:crypto';
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
import { GroupsFacade, groupStreamId } from '../contracts';
import { ConveneGroupHandler } from '../convene-group/convene-group.handler';
import { JoinMemberHandler } from '../join-member/join-member.handler';
import { HoldMeetingHandler } from './hold-meeting.handler';

const TENANT = 'macroregion-ii';
const OTHER_TENANT = 'macroregion-iii';

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
  periodOf: async (id) => (id === TENANT ? { start: '2018-04-01', end: '2022-12-31' } : null),
};

function contextFor(tenantId = TENANT, commandId = randomUUID()): CommandContext {
  return {
    tenantId,
    actor: { sub: 'editor-gdansk', role: 'tenant-editor', tenantId },
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

describe('groups on PostgreSQL: convene, join, meet', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let convene: ConveneGroupHandler;
  let join: JoinMemberHandler;
  let hold: HoldMeetingHandler;
  let facade: GroupsFacade;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 5 });
    store = new PostgresEventStore(pool);
    const runner = new CommandRunner(store);
    convene = new ConveneGroupHandler(runner, periods, tenants);
    join = new JoinMemberHandler(runner, periods);
    hold = new HoldMeetingHandler(runner, periods);
    facade = new GroupsFacade(store);
  });

  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  async function pgrWithTwoMembers() {
    const group = await convene.execute(
      { kind: 'PGR', level: 'powiat', territory: '2205', name: 'PGR powiatu kartuskiego' },
      contextFor(),
      '2018-10-01',
    );
    const anna = await join.execute(
      {
        groupId: group.groupId,
        fullName: 'Anna Kowalska',
        email: 'a.kowalska@ops.example.pl',
        institution: 'MGOPS Kartuzy',
        sector: 'social-assistance',
        role: 'chair',
      },
      contextFor(),
      '2018-10-01',
    );
    const jan = await join.execute(
      {
        groupId: group.groupId,
        fullName: 'Jan Wiśniewski',
        institution: 'Komenda Powiatowa Policji w Kartuzach',
        sector: 'police',
        role: 'member',
      },
      contextFor(),
      '2018-10-08',
    );
    return { group, anna, jan };
  }

  it('records the body, its members and a meeting, and tells another context who sat in it', async () => {
    const { group, anna, jan } = await pgrWithTwoMembers();
    const meeting = await hold.execute(
      { groupId: group.groupId, days: 2, attendance: { kind: 'members', personIds: [anna.personId, jan.personId] } },
      contextFor(),
      '2018-10-19',
    );

    expect(meeting).toMatchObject({ streamId: groupStreamId(group.groupId), revision: 3, alreadyApplied: false });
    const stored = await store.readStream(TENANT, group.streamId);
    expect(stored.map((e) => [e.type, e.metadata.occurredAt])).toEqual([
      ['groups.GroupConvened.v1', '2018-10-01'],
      ['groups.MemberJoined.v1', '2018-10-01'],
      ['groups.MemberJoined.v1', '2018-10-08'],
      ['groups.MeetingHeld.v1', '2018-10-19'],
    ]);
    expect(stored[0].data).toMatchObject({ voivodeship: 'pomorskie', territory: '2205' });

    expect(await facade.bodyAt(TENANT, group.groupId, '2018-10-05')).toMatchObject({
      exists: true,
      kind: 'PGR',
      convened: true,
      memberCount: 1,
    });
    expect(
      (await facade.compositionAt(TENANT, group.groupId, '2018-10-19')).map((m) => [m.fullName, m.role, m.sector]),
    ).toEqual([
      ['Anna Kowalska', 'chair', 'social-assistance'],
      ['Jan Wiśniewski', 'member', 'police'],
    ]);
  });

  it('writes nothing when a command is retried with the same command id', async () => {
    const { group } = await pgrWithTwoMembers();
    const context = contextFor();
    const input = { groupId: group.groupId, days: 1, attendance: { kind: 'headcount' as const, headcount: 6 } };

    const first = await hold.execute(input, context, '2018-11-05');
    const retried = await hold.execute(input, context, '2018-11-05');

    expect(retried).toEqual({ ...first, alreadyApplied: true });
    const stored = await store.readStream(TENANT, group.streamId);
    expect(stored.filter((e) => e.type === 'groups.MeetingHeld.v1')).toHaveLength(1);
  });

  it('convenes the same group when a convening without a group id is retried', async () => {
    const context = contextFor();
    const input = { kind: 'RGR' as const, level: 'voivodeship' as const, territory: 'pomorskie', name: 'RGR pomorska' };
    const first = await convene.execute(input, context, '2018-09-01');
    const retried = await convene.execute(input, context, '2018-09-01');
    expect(retried).toEqual({ ...first, alreadyApplied: true });
    expect(await store.readStream(TENANT, first.streamId)).toHaveLength(1);
  });

  it('refuses an attendance naming a non-member and stores nothing', async () => {
    const { group, anna } = await pgrWithTwoMembers();
    const stranger = randomUUID();
    const error = await refusal(
      hold.execute(
        { groupId: group.groupId, days: 2, attendance: { kind: 'members', personIds: [anna.personId, stranger] } },
        contextFor(),
        '2018-10-19',
      ),
    );
    expect([error.kind, error.code, error.field]).toEqual(['conflict', 'meeting.attendee-not-member', 'attendance']);
    expect(await store.readStream(TENANT, group.streamId)).toHaveLength(3);
  });

  it("refuses a fact outside the tenant's project period", async () => {
    const { group } = await pgrWithTwoMembers();
    const error = await refusal(
      hold.execute(
        { groupId: group.groupId, days: 1, attendance: { kind: 'headcount', headcount: 5 } },
        contextFor(),
        '2023-01-10',
      ),
    );
    expect([error.code, error.field]).toEqual(['fact.outside-project-period', 'occurredAt']);
  });

  it("refuses a tenant editor a body outside their voivodeships ('voivodeship.forbidden')", async () => {
    const { group } = await pgrWithTwoMembers();
    const error = await refusal(
      join.execute(
        {
          groupId: group.groupId,
          fullName: 'Ewa Nowak',
          institution: 'PUP Kartuzy',
          sector: 'labour-office',
          role: 'member',
        },
        contextFor(),
        '2018-11-01',
        { allowedVoivodeships: ['kujawsko-pomorskie'] },
      ),
    );
    expect([error.kind, error.code]).toEqual(['conflict', 'voivodeship.forbidden']);
  });

  it("keeps a tenant's groups out of another tenant's sight", async () => {
    const { group } = await pgrWithTwoMembers();
    expect(await facade.bodyAt(OTHER_TENANT, group.groupId, '2018-10-19')).toBeNull();
    const error = await refusal(
      join.execute(
        { groupId: group.groupId, fullName: 'Ewa Nowak', institution: 'PUP', sector: 'labour-office', role: 'member' },
        contextFor(OTHER_TENANT),
        '2018-11-01',
      ),
    );
    expect([error.kind, error.code]).toEqual(['not_found', 'group.not-found']);
  });
});
