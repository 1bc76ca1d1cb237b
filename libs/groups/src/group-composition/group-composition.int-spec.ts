import { randomUUID } from 'node:crypto';
import {
  appRoleName,
  CommandRunner,
  createPool,
  DomainError,
  inTenant,
  PartitionWorker,
  PostgresEventStore,
  ProjectionRebuilder,
  ProjectionSchema,
  type CommandContext,
  type EventToAppend,
  type ProjectPeriodLookup,
  type TenantDirectory,
  type TenantInfo,
  withTenantTransaction,
} from '@kooperacja/platform';
import { createTestDatabase, eventually, type TestDatabase } from '@kooperacja/platform/testing';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { ChangeMemberRoleHandler } from '../change-member-role/change-member-role.handler';
import { ConveneGroupHandler } from '../convene-group/convene-group.handler';
import { CorrectMeetingHandler } from '../correct-meeting/correct-meeting.handler';
import { CorrectMemberDetailsHandler } from '../correct-member-details/correct-member-details.handler';
import { DissolveGroupHandler } from '../dissolve-group/dissolve-group.handler';
import { HoldMeetingHandler } from '../hold-meeting/hold-meeting.handler';
import { JoinMemberHandler } from '../join-member/join-member.handler';
import { LeaveGroupHandler } from '../leave-group/leave-group.handler';
import { groupCompositionEntities } from './group-composition.entity';
import { GROUP_COMPOSITION_TABLES, groupCompositionProjection } from './group-composition.projection';
import { GroupCompositionQuery } from './group-composition.query';

jest.setTimeout(60_000);

const TENANT = 'mr2';
const OTHER_TENANT = 'mr3';

const mr2: TenantInfo = {
  id: TENANT,
  name: 'Makroregion II',
  nameEn: 'Macroregion II',
  municipalityType: 'urban-rural',
  voivodeships: ['kujawsko-pomorskie', 'lubuskie', 'pomorskie', 'warmińsko-mazurskie', 'wielkopolskie'],
  status: 'active',
};
const tenants: TenantDirectory = { get: async (id) => (id === TENANT ? mr2 : null), list: async () => [mr2] };
const periods: ProjectPeriodLookup = { periodOf: async () => ({ start: '2018-04-01', end: '2023-11-30' }) };

const contextFor = (commandId = randomUUID()): CommandContext => ({
  tenantId: TENANT,
  actor: { sub: 'editor-gdansk', role: 'tenant-editor', tenantId: TENANT },
  commandId,
  correlationId: commandId,
  causationId: commandId,
});

/** Rows as the tenant sees them (the tables force row-level security on their owner, unless a superuser). */
function tenantRows(pool: Pool, sql: string, params: unknown[] = [], tenantId = TENANT) {
  return withTenantTransaction(pool, tenantId, async (c) => (await c.query(sql, params)).rows);
}

/** Every row of every table of the read model, in key order (to compare versions). */
async function allRows(pool: Pool) {
  const out: Record<string, unknown[]> = {};
  for (const table of Object.values(GROUP_COMPOSITION_TABLES)) {
    out[table] = await tenantRows(pool, `SELECT * FROM ${table} WHERE tenant_id = $1 ORDER BY 1, 2, 3, 4`, [TENANT]);
  }
  expect(out.rm_groups.length).toBeGreaterThan(0);
  return out;
}

describe('group composition read model', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let readModels: DataSource;
  let query: GroupCompositionQuery;
  let h: {
    convene: ConveneGroupHandler;
    join: JoinMemberHandler;
    leave: LeaveGroupHandler;
    role: ChangeMemberRoleHandler;
    hold: HoldMeetingHandler;
    dissolve: DissolveGroupHandler;
    correctMember: CorrectMemberDetailsHandler;
    correctMeeting: CorrectMeetingHandler;
  };

  /**
   * Brings the active version up to date with the log, in small batches. The store shows an
   * event once no older transaction on the server is open, so a catch-up can stop short while
   * other work runs: poll until every event of the tenant is applied.
   */
  async function project(batchSize = 3, tenantId = TENANT) {
    const version = await new ProjectionSchema(pool, appRoleName()).ensureActive(groupCompositionProjection);
    const worker = new PartitionWorker(pool, store, groupCompositionProjection, version, tenantId, batchSize);
    await eventually(
      async () => {
        await worker.catchUp();
        const { rows } = await pool.query<{ applied: number; total: number }>(
          `SELECT (SELECT events_applied::int FROM projection_checkpoints
                    WHERE projection = $1 AND version = $2 AND tenant_id = $3) AS applied,
                  (SELECT count(*)::int FROM es_events WHERE tenant_id = $3 AND event_type LIKE 'groups.%') AS total`,
          [groupCompositionProjection.name, version, tenantId],
        );
        expect(rows[0].applied).toBe(rows[0].total);
      },
      { timeoutMs: 30_000 },
    );
    return version;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPool(db.url, { max: 5 });
    store = new PostgresEventStore(pool);
    const runner = new CommandRunner(store);
    h = {
      convene: new ConveneGroupHandler(runner, periods, tenants),
      join: new JoinMemberHandler(runner, periods),
      leave: new LeaveGroupHandler(runner, periods),
      role: new ChangeMemberRoleHandler(runner, periods),
      hold: new HoldMeetingHandler(runner, periods),
      dissolve: new DissolveGroupHandler(runner, periods),
      correctMember: new CorrectMemberDetailsHandler(runner, periods),
      correctMeeting: new CorrectMeetingHandler(runner, periods),
    };
    // The API's way in: the application role, subject to row-level security.
    readModels = await new DataSource({
      type: 'postgres',
      url: db.appUrl,
      entities: groupCompositionEntities,
      synchronize: false,
    }).initialize();
    query = new GroupCompositionQuery(readModels);
  });

  afterAll(async () => {
    await readModels?.destroy();
    await pool?.end();
    await db?.drop();
  });

  /**
   * PGR of powiat kartuski, convened 2018-10-01: Anna (chair) from 10-01 to 2019-03-31, Jan
   * (member) from 10-08, vice-chair from 2019-01-10; Ewa (member) from 2019-04-01; two
   * meetings; dissolved on 2019-06-30.
   */
  async function kartuskiPgr() {
    const { groupId } = await h.convene.execute(
      { kind: 'PGR', level: 'powiat', territory: '2205', name: 'PGR powiatu kartuskiego' },
      contextFor(),
      '2018-10-01',
    );
    const anna = await h.join.execute(
      {
        groupId,
        fullName: 'Anna Kowalska',
        email: 'a.kowalska@ops.example.pl',
        phone: '+48 58 123 45 67',
        institution: 'MGOPS Kartuzy',
        sector: 'social-assistance',
        role: 'chair',
      },
      contextFor(),
      '2018-10-01',
    );
    const jan = await h.join.execute(
      { groupId, fullName: 'Jan Wiśniewski', institution: 'KPP Kartuzy', sector: 'police', role: 'member' },
      contextFor(),
      '2018-10-08',
    );
    const meeting = await h.hold.execute(
      { groupId, days: 2, attendance: { kind: 'members', personIds: [anna.personId, jan.personId] } },
      contextFor(),
      '2018-10-19',
    );
    await h.role.execute({ groupId, personId: jan.personId, role: 'vice-chair' }, contextFor(), '2019-01-10');
    await h.leave.execute({ groupId, personId: anna.personId, reason: 'changed-job' }, contextFor(), '2019-03-31');
    const ewa = await h.join.execute(
      { groupId, fullName: 'Ewa Nowak', institution: 'PUP Kartuzy', sector: 'labour-office', role: 'member' },
      contextFor(),
      '2019-04-01',
    );
    await h.hold.execute(
      { groupId, days: 2, attendance: { kind: 'headcount', headcount: 6 } },
      contextFor(),
      '2019-05-20',
    );
    await h.correctMeeting.execute(
      { groupId, meetingId: meeting.meetingId, days: 1, reason: 'Spotkanie trwało jeden dzień' },
      contextFor(),
      '2019-06-01',
    );
    await h.correctMember.execute(
      { groupId, personId: anna.personId, membershipJoinedOn: '2018-10-01', phone: null, reason: 'Numer prywatny' },
      contextFor(),
      '2019-06-02',
    );
    await h.dissolve.execute({ groupId }, contextFor(), '2019-06-30');
    return { groupId, anna: anna.personId, jan: jan.personId, ewa: ewa.personId, meetingId: meeting.meetingId };
  }

  it('turns events into one row per body, membership spell, person and meeting', async () => {
    const pgr = await kartuskiPgr();
    await project();

    const rows = (sql: string) => tenantRows(pool, sql, [pgr.groupId]);
    expect(
      await rows(`SELECT kind, level, territory, voivodeship, convened_on::text, status, dissolved_on::text
                         FROM rm_groups WHERE group_id = $1`),
    ).toEqual([
      {
        kind: 'PGR',
        level: 'powiat',
        territory: '2205',
        voivodeship: 'pomorskie',
        convened_on: '2018-10-01',
        status: 'dissolved',
        dissolved_on: '2019-06-30',
      },
    ]);
    const spells = await rows(`SELECT person_id::text, role, valid_from::text, valid_to::text, sector, left_on::text
                                 FROM rm_group_memberships WHERE group_id = $1 ORDER BY valid_from, person_id`);
    expect(spells).toEqual([
      {
        person_id: pgr.anna,
        role: 'chair',
        valid_from: '2018-10-01',
        valid_to: '2019-03-31',
        sector: 'social-assistance',
        left_on: '2019-03-31',
      },
      {
        person_id: pgr.jan,
        role: 'member',
        valid_from: '2018-10-08',
        valid_to: '2019-01-09',
        sector: 'police',
        left_on: null,
      },
      {
        person_id: pgr.jan,
        role: 'vice-chair',
        valid_from: '2019-01-10',
        valid_to: null,
        sector: 'police',
        left_on: null,
      },
      {
        person_id: pgr.ewa,
        role: 'member',
        valid_from: '2019-04-01',
        valid_to: null,
        sector: 'labour-office',
        left_on: null,
      },
    ]);
    // Personal data lives in one row per person, the removed phone is gone, and nowhere else.
    expect(
      await rows(`SELECT full_name, email, phone FROM rm_group_member_people WHERE person_id IN
                    (SELECT person_id FROM rm_group_memberships WHERE group_id = $1) ORDER BY full_name`),
    ).toEqual([
      { full_name: 'Anna Kowalska', email: 'a.kowalska@ops.example.pl', phone: null },
      { full_name: 'Ewa Nowak', email: null, phone: null },
      { full_name: 'Jan Wiśniewski', email: null, phone: null },
    ]);
    const elsewhere = JSON.stringify([
      await rows(`SELECT * FROM rm_groups WHERE group_id = $1`),
      await rows(`SELECT * FROM rm_group_memberships WHERE group_id = $1`),
      await rows(`SELECT * FROM rm_group_meetings WHERE group_id = $1`),
    ]);
    expect(elsewhere).not.toContain('Kowalska');
    expect(elsewhere).not.toContain('a.kowalska@');
    expect(
      await rows(`SELECT held_on::text, days, attendance_kind, attendee_count FROM rm_group_meetings
                   WHERE group_id = $1 ORDER BY held_on`),
    ).toEqual([
      { held_on: '2018-10-19', days: 1, attendance_kind: 'members', attendee_count: 2 },
      { held_on: '2019-05-20', days: 2, attendance_kind: 'headcount', attendee_count: 6 },
    ]);
  });

  it('answers who sat in the body on each boundary day, with the role held that day', async () => {
    const pgr = await kartuskiPgr();
    await project();
    const at = async (day: string) => {
      const c = await query.compositionAt(TENANT, pgr.groupId, day);
      return [c.existedOn, c.members.map((m) => `${m.fullName}:${m.role}`)];
    };

    expect(await at('2018-09-30')).toEqual([false, []]);
    expect(await at('2018-10-01')).toEqual([true, ['Anna Kowalska:chair']]);
    expect(await at('2018-10-07')).toEqual([true, ['Anna Kowalska:chair']]);
    expect(await at('2018-10-08')).toEqual([true, ['Anna Kowalska:chair', 'Jan Wiśniewski:member']]);
    expect(await at('2019-01-09')).toEqual([true, ['Anna Kowalska:chair', 'Jan Wiśniewski:member']]);
    expect(await at('2019-01-10')).toEqual([true, ['Anna Kowalska:chair', 'Jan Wiśniewski:vice-chair']]);
    expect(await at('2019-03-31')).toEqual([true, ['Anna Kowalska:chair', 'Jan Wiśniewski:vice-chair']]);
    expect(await at('2019-04-01')).toEqual([true, ['Jan Wiśniewski:vice-chair', 'Ewa Nowak:member']]);
    expect(await at('2019-06-30')).toEqual([true, ['Jan Wiśniewski:vice-chair', 'Ewa Nowak:member']]);
    expect(await at('2019-07-01')).toEqual([false, []]);

    const onLeavingDay = await query.compositionAt(TENANT, pgr.groupId, '2019-03-31');
    expect(onLeavingDay.size).toEqual({
      members: 2,
      norm: expect.objectContaining({ members: 7, approximate: true }),
      difference: -5,
    });
    expect(onLeavingDay.members[0]).toMatchObject({
      personId: pgr.anna,
      institution: 'MGOPS Kartuzy',
      sector: 'social-assistance',
      joinedOn: '2018-10-01',
      leftOn: '2019-03-31',
      email: 'a.kowalska@ops.example.pl',
      phone: null,
    });
  });

  it('lists the bodies with their size on the day and their meetings, filtered by kind and level', async () => {
    const pgr = await kartuskiPgr();
    const { groupId: pgd } = await h.convene.execute(
      { kind: 'PGD', level: 'powiat', territory: '2213', name: 'PGD powiatu starogardzkiego' },
      contextFor(),
      '2018-11-01',
    );
    await h.join.execute(
      { groupId: pgd, fullName: 'Maria Zielińska', institution: 'PCPR', sector: 'social-assistance', role: 'chair' },
      contextFor(),
      '2018-11-01',
    );
    await project();

    const listed = await query.list(TENANT, { kind: 'PGR', page: 1, pageSize: 500 }, '2019-02-01');
    expect(listed.items.every((g) => g.kind === 'PGR')).toBe(true);
    expect(listed.items.find((g) => g.groupId === pgr.groupId)).toMatchObject({
      name: 'PGR powiatu kartuskiego',
      size: { members: 2, difference: -5 },
      meetingCount: 2,
      lastMeetingOn: '2019-05-20',
      status: 'dissolved',
    });
    const afterDissolution = await query.list(TENANT, { kind: 'PGR', page: 1, pageSize: 500 }, '2019-07-01');
    expect(afterDissolution.items.find((g) => g.groupId === pgr.groupId)?.size.members).toBe(0);
    const pgds = await query.list(TENANT, { kind: 'PGD', level: 'powiat', page: 1, pageSize: 500 }, '2019-02-01');
    expect(pgds.items.find((g) => g.groupId === pgd)).toMatchObject({
      size: { members: 1, norm: expect.objectContaining({ members: 15 }), difference: -14 },
      meetingCount: 0,
    });
    expect((await query.list(TENANT, { kind: 'PGR', level: 'gmina', page: 1, pageSize: 10 }, '2019-02-01')).total).toBe(
      0,
    );
  });

  it('applies a replayed batch as a no-op', async () => {
    await kartuskiPgr();
    await project();
    const before = await allRows(pool);
    const version = await new ProjectionSchema(pool).activeVersion(groupCompositionProjection.name);
    const events = await store.readAll({ tenant: TENANT, eventTypePrefixes: groupCompositionProjection.handles });
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await groupCompositionProjection.apply(events, {
        tenantId: TENANT,
        client,
        table: (base) => `${base}_v${version}`,
      });
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect(await allRows(pool)).toEqual(before);
  });

  it('rebuilds into a fresh version with identical rows', async () => {
    await kartuskiPgr();
    const from = await project(2);
    const live = await allRows(pool);
    const result = await new ProjectionRebuilder(pool, store, db.url, {
      batchSize: 7,
      readerRole: appRoleName(),
    }).rebuild(groupCompositionProjection);
    expect(result.toVersion).toBe(from + 1);
    expect(await project()).toBe(from + 1); // what the rebuild could not see yet, as the live runner would
    expect(await allRows(pool)).toEqual(live);
  });

  it("shows another tenant none of this tenant's rows", async () => {
    const pgr = await kartuskiPgr();
    await project();

    const error = await query.compositionAt(OTHER_TENANT, pgr.groupId, '2019-01-10').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('group.not-found');
    expect((await query.list(OTHER_TENANT, { page: 1, pageSize: 500 }, '2019-01-10')).total).toBe(0);
    const seen = await inTenant(readModels, OTHER_TENANT, async (em) =>
      Promise.all(
        Object.values(GROUP_COMPOSITION_TABLES).map(async (t) =>
          Number((await em.query(`SELECT count(*) FROM ${t}`))[0].count),
        ),
      ),
    );
    expect(seen).toEqual([0, 0, 0, 0]);
    // …while the tenant itself sees them.
    expect((await query.compositionAt(TENANT, pgr.groupId, '2019-01-10')).members).toHaveLength(2);
  });

  it("erases a person's data by deleting one row; the composition keeps the membership", async () => {
    const pgr = await kartuskiPgr();
    await project();
    await tenantRows(pool, `DELETE FROM rm_group_member_people WHERE person_id = $1`, [pgr.jan]);
    const members = (await query.compositionAt(TENANT, pgr.groupId, '2019-01-10')).members;
    expect(members.map((m) => [m.personId, m.role, m.fullName])).toEqual([
      [pgr.anna, 'chair', 'Anna Kowalska'],
      [pgr.jan, 'vice-chair', null],
    ]);
  });

  it('keeps up with a rebuild of many groups at a useful rate', async () => {
    const tenant = 'mr-bench';
    const groups = 300;
    const perGroup = 40;
    const batch: EventToAppend[][] = [];
    for (let g = 0; g < groups; g++) batch.push(syntheticGroup(tenant, perGroup));
    for (const events of batch)
      await store.append(
        tenant,
        `groups.group-${(events[0].data as { groupId: string }).groupId}`,
        events,
        'no_stream',
      );

    const started = Date.now();
    await new ProjectionRebuilder(pool, store, db.url, { batchSize: 2000 }).rebuild(groupCompositionProjection);
    await project(2000, tenant); // whatever the rebuild could not see yet
    const seconds = (Date.now() - started) / 1000;
    const [{ n }] = await tenantRows(
      pool,
      `SELECT count(*)::int AS n FROM rm_groups WHERE tenant_id = $1`,
      [tenant],
      tenant,
    );
    expect(n).toBe(groups);
    // A loose ceiling against accidental quadratic work; the bench measures the real rate.
    console.warn(
      `group-composition rebuild: ${groups * perGroup} events of ${groups} groups in ${seconds.toFixed(2)} s`,
    );
    expect(seconds).toBeLessThan(90);
  }, 180_000);
});

/** A convening, members joining, meetings and a few leaving: the shape of real groups. */
function syntheticGroup(tenantId: string, n: number): EventToAppend[] {
  const groupId = randomUUID();
  const people: string[] = [];
  const meta = (i: number) => {
    const id = randomUUID();
    return {
      tenantId,
      commandId: id,
      correlationId: id,
      causationId: id,
      actor: { sub: 'bench', role: 'tenant-admin', tenantId },
      occurredAt: day(i),
      schemaVersion: 1,
    };
  };
  const day = (i: number) => new Date(Date.UTC(2019, 0, 1 + i)).toISOString().slice(0, 10);
  const events: EventToAppend[] = [
    {
      id: randomUUID(),
      type: 'groups.GroupConvened.v1',
      data: {
        groupId,
        kind: 'PZK',
        level: 'gmina',
        territory: '2205011',
        voivodeship: 'pomorskie',
        name: `PZK ${groupId}`,
        convenedOn: day(0),
      },
      metadata: meta(0),
    },
  ];
  for (let i = 1; i < n; i++) {
    let data: object;
    let type: string;
    if (i % 4 === 3 && people.length > 0) {
      type = 'groups.MeetingHeld.v1';
      data = {
        groupId,
        meetingId: randomUUID(),
        heldOn: day(i),
        days: 1,
        attendance: { kind: 'members', personIds: people.slice(-3) },
      };
    } else if (i % 10 === 9 && people.length > 2) {
      type = 'groups.MemberLeft.v1';
      data = { groupId, personId: people.shift(), leftOn: day(i), reason: 'resigned' };
    } else {
      const personId = randomUUID();
      people.push(personId);
      type = 'groups.MemberJoined.v1';
      data = {
        groupId,
        personId,
        fullName: `Osoba ${i}`,
        institution: 'OPS',
        sector: 'social-assistance',
        role: 'member',
        joinedOn: day(i),
      };
    }
    events.push({ id: randomUUID(), type, data, metadata: meta(i) });
  }
  return events;
}
