import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { groupsContext } from '@kooperacja/composition/contexts/groups';
import { ROLES, RouteCatalogue, TENANT_ROLES, type Role } from '@kooperacja/platform';
import { eventually, walkRoutes, type WalkCaller } from '@kooperacja/platform/testing';
import { describedProperties, startApiE2eApp, type ApiE2eApp } from '@kooperacja/platform/testing/api-e2e-app';

jest.setTimeout(60_000);

const base = '/api/v1/tenants/mr2/groups';

describe('groups over HTTP', () => {
  let e2e: ApiE2eApp;
  const server = () => e2e.app.getHttpServer();
  const bearer = (role: Role = 'tenant-admin', voivodeships?: string[]) =>
    `Bearer ${e2e.token(role, 'mr2', { sub: `${role}-ewa`, voivodeships })}`;
  const post = (path: string, body: object, auth = bearer()) =>
    request(server()).post(`${base}${path}`).set('Authorization', auth).send(body);
  const get = (path: string, auth = bearer('tenant-viewer')) =>
    request(server()).get(`${base}${path}`).set('Authorization', auth);

  beforeAll(async () => {
    e2e = await startApiE2eApp([groupsContext]);
  });
  afterAll(() => e2e?.close());

  /** PGR of powiat kartuski: Anna (chair) from 2018-10-01 to 2019-03-31, Jan from 10-08. */
  async function kartuskiPgr() {
    const convened = await post('', {
      kind: 'PGR',
      level: 'powiat',
      territory: '2205',
      name: 'PGR powiatu kartuskiego',
      occurredAt: '2018-10-01',
    }).expect(201);
    const groupId: string = convened.body.groupId;
    const anna = await post(`/${groupId}/members`, {
      fullName: 'Anna Kowalska',
      email: 'a.kowalska@ops.example.pl',
      institution: 'MGOPS Kartuzy',
      sector: 'social-assistance',
      role: 'chair',
      occurredAt: '2018-10-01',
    }).expect(201);
    const jan = await post(`/${groupId}/members`, {
      fullName: 'Jan Wiśniewski',
      institution: 'KPP Kartuzy',
      sector: 'police',
      role: 'member',
      occurredAt: '2018-10-08',
    }).expect(201);
    return { groupId, anna: anna.body.personId as string, jan: jan.body.personId as string, convened };
  }

  it('records a body, its members, a meeting, a role change and a departure, each with 201 and the ETag', async () => {
    const { groupId, anna, jan, convened } = await kartuskiPgr();
    expect(convened.body).toEqual({
      groupId,
      streamId: `groups.group-${groupId}`,
      revision: 0,
      eventIds: [expect.any(String)],
      alreadyApplied: false,
    });
    expect(convened.headers.etag).toBe('"0"');

    const meeting = await post(`/${groupId}/meetings`, {
      days: 2,
      attendance: { kind: 'members', personIds: [anna, jan] },
      occurredAt: '2018-10-19',
    }).expect(201);
    expect(meeting.body).toMatchObject({ meetingId: expect.any(String), revision: 3 });
    await post(`/${groupId}/members/${jan}/role`, { role: 'vice-chair', occurredAt: '2019-01-10' }).expect(201);
    await post(`/${groupId}/members/${anna}/departure`, {
      reason: 'changed-job',
      note: 'Przeszła do PCPR',
      occurredAt: '2019-03-31',
    }).expect(201);

    const record = await get(`/${groupId}`).expect(200);
    expect(record.headers.etag).toBe('"5"');
    expect(record.body).toMatchObject({
      groupId,
      kind: 'PGR',
      voivodeship: 'pomorskie',
      status: 'convened',
      revision: 5,
      memberships: [
        { personId: anna, fullName: 'Anna Kowalska', leftOn: '2019-03-31', leaveReason: 'changed-job' },
        { personId: jan, roles: [{ role: 'member' }, { role: 'vice-chair', from: '2019-01-10' }] },
      ],
      meetings: [{ meetingId: meeting.body.meetingId, heldOn: '2018-10-19', days: 2 }],
    });

    const history = await get(`/${groupId}/history`).expect(200);
    expect(history.body.events.map((e: { type: string; revision: number }) => [e.type, e.revision])).toEqual([
      ['groups.GroupConvened.v1', 0],
      ['groups.MemberJoined.v1', 1],
      ['groups.MemberJoined.v1', 2],
      ['groups.MeetingHeld.v1', 3],
      ['groups.MemberRoleChanged.v1', 4],
      ['groups.MemberLeft.v1', 5],
    ]);
    expect(history.body.events[1]).toMatchObject({
      occurredAt: '2018-10-01',
      recordedAt: expect.any(String),
      actor: { sub: 'tenant-admin-ewa', role: 'tenant-admin' },
      data: { personId: anna, institution: 'MGOPS Kartuzy', role: 'chair' },
    });
    const listed = JSON.stringify(history.body);
    for (const personal of ['Kowalska', 'a.kowalska@', 'Wiśniewski', 'PCPR']) expect(listed).not.toContain(personal);
  });

  it('answers who sat in the body on a day from the read model, and lists bodies with size and meetings', async () => {
    const { groupId, anna, jan } = await kartuskiPgr();
    await post(`/${groupId}/members/${anna}/departure`, { reason: 'resigned', occurredAt: '2019-03-31' }).expect(201);
    await post(`/${groupId}/meetings`, {
      days: 2,
      attendance: { kind: 'headcount', headcount: 5 },
      occurredAt: '2019-02-01',
    }).expect(201);

    const members = async (asOf: string) => {
      const res = await get(`/${groupId}/composition?asOf=${asOf}`).expect(200);
      return res.body.members.map((m: { personId: string }) => m.personId);
    };
    await eventually(async () => expect(await members('2019-04-01')).toEqual([jan]));
    expect(await members('2018-10-07')).toEqual([anna]);
    expect(await members('2018-10-08')).toEqual([anna, jan]);
    expect(await members('2019-03-31')).toEqual([anna, jan]);
    const onDay = await get(`/${groupId}/composition?asOf=2018-10-08`).expect(200);
    expect(onDay.body).toMatchObject({
      asOf: '2018-10-08',
      existedOn: true,
      size: { members: 2, norm: { members: 7, approximate: true }, difference: -5 },
      members: [{ fullName: 'Anna Kowalska', role: 'chair', sector: 'social-assistance' }, { role: 'member' }],
    });
    const today = await get(`/${groupId}/composition`).expect(200);
    expect(today.body.members.map((m: { personId: string }) => m.personId)).toEqual([jan]);

    const bad = await get(`/${groupId}/composition?asOf=2019-02-30`).expect(400);
    expect(bad.body.errors).toEqual([{ field: 'asOf', reason: 'asOf must be a calendar date written YYYY-MM-DD' }]);

    const list = await get('?kind=PGR&level=powiat&pageSize=500').expect(200);
    expect(list.body.items.find((g: { groupId: string }) => g.groupId === groupId)).toMatchObject({
      name: 'PGR powiatu kartuskiego',
      size: { members: 1, difference: -6 },
      meetingCount: 1,
    });
    expect((await get('?kind=PGD').expect(200)).body.items).toEqual([]);
    expect((await get('?kind=XYZ').expect(400)).body.errors[0].field).toBe('kind');
  });

  it('names the field at fault with 400, from validation and from the decider', async () => {
    const { groupId } = await kartuskiPgr();
    const before = await e2e.eventCount();
    const bad = await post('', {
      kind: 'XYZ',
      level: 'powiat',
      territory: '2205',
      name: 'X',
      occurredAt: '2018-10-01',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'kind', reason: expect.stringContaining('kind must be one of PGR') }]);

    const email = await post(`/${groupId}/members`, {
      fullName: 'Ewa Nowak',
      email: 'not-an-address',
      institution: 'PUP',
      sector: 'labour-office',
      role: 'member',
      occurredAt: '2019-13-01',
    });
    expect(email.status).toBe(400);
    expect(email.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'occurredAt']);

    const territory = await post('', {
      kind: 'PGR',
      level: 'powiat',
      territory: '9999',
      name: 'X',
      occurredAt: '2018-10-01',
    });
    expect([territory.status, territory.body.code, territory.body.errors[0].field]).toEqual([
      400,
      'territory.unknown',
      'territory',
    ]);
    const tenantInBody = await post('', {
      kind: 'PGR',
      level: 'powiat',
      territory: '2205',
      name: 'X',
      occurredAt: '2018-10-01',
      tenantId: 'mr3',
    });
    expect([tenantInBody.status, tenantInBody.body.errors[0].field]).toEqual([400, 'tenantId']);
    const attendance = await post(`/${groupId}/meetings`, {
      days: 1,
      attendance: { kind: 'members', personIds: ['x'] },
      occurredAt: '2018-10-19',
    });
    expect([attendance.status, attendance.body.errors[0].field]).toEqual([400, 'attendance.personIds']);
    expect(await e2e.eventCount()).toBe(before);
  });

  it('answers 404 for a group that does not exist, and 409 for a conflicting fact', async () => {
    const unknown = randomUUID();
    const join = await post(`/${unknown}/members`, {
      fullName: 'Ewa Nowak',
      institution: 'PUP',
      sector: 'labour-office',
      role: 'member',
      occurredAt: '2019-01-01',
    });
    expect([join.status, join.body.code]).toEqual([404, 'group.not-found']);
    expect((await get(`/${unknown}`)).status).toBe(404);
    expect((await get(`/${unknown}/history`)).status).toBe(404);
    expect((await get(`/${unknown}/composition`)).status).toBe(404);
    expect((await get('/not-a-uuid')).body.errors).toEqual([{ field: 'groupId', reason: 'groupId must be a UUID' }]);

    const { groupId, anna } = await kartuskiPgr();
    const twice = await post(`/${groupId}/members`, {
      personId: anna,
      fullName: 'Anna Kowalska',
      institution: 'MGOPS Kartuzy',
      sector: 'social-assistance',
      role: 'member',
      occurredAt: '2018-11-01',
    });
    expect([twice.status, twice.body.code, twice.body.errors[0].field]).toEqual([
      409,
      'member.already-member',
      'personId',
    ]);
  });

  it('limits a tenant editor to the voivodeships of its token, viewers to reading and corrections to admins', async () => {
    const { groupId, jan } = await kartuskiPgr(); // in pomorskie
    const before = await e2e.eventCount();
    const elsewhere = bearer('tenant-editor', ['kujawsko-pomorskie']);
    const join = await post(
      `/${groupId}/members`,
      { fullName: 'Ewa Nowak', institution: 'PUP', sector: 'labour-office', role: 'member', occurredAt: '2019-01-01' },
      elsewhere,
    );
    expect([join.status, join.body.code]).toEqual([403, 'voivodeship.forbidden']);
    const convene = await post(
      '',
      { kind: 'PGD', level: 'powiat', territory: '2213', name: 'PGD', occurredAt: '2018-10-01' },
      elsewhere,
    );
    expect([convene.status, convene.body.code]).toEqual([403, 'voivodeship.forbidden']);
    expect((await post(`/${groupId}/dissolution`, { occurredAt: '2019-06-30' }, bearer('tenant-viewer'))).status).toBe(
      403,
    );
    const correction = {
      membershipJoinedOn: '2018-10-08',
      institution: 'Komenda Powiatowa Policji w Kartuzach',
      reason: 'Pełna nazwa',
      occurredAt: '2019-05-01',
    };
    const pomorskie = bearer('tenant-editor', ['pomorskie']);
    expect((await post(`/${groupId}/members/${jan}/corrections`, correction, pomorskie)).status).toBe(403);
    expect(await e2e.eventCount()).toBe(before);

    await post(
      `/${groupId}/meetings`,
      { days: 1, attendance: { kind: 'headcount', headcount: 4 }, occurredAt: '2019-01-15' },
      pomorskie,
    ).expect(201);
    await post(`/${groupId}/members/${jan}/corrections`, correction).expect(201);
  });

  it('replays the first response to a retry with the same Idempotency-Key and appends nothing', async () => {
    const key = randomUUID();
    const body = {
      kind: 'RGR',
      level: 'voivodeship',
      territory: 'pomorskie',
      name: 'RGR pomorska',
      occurredAt: '2018-09-01',
    };
    const first = await request(server())
      .post(base)
      .set('Authorization', bearer())
      .set('Idempotency-Key', key)
      .send(body);
    expect(first.status).toBe(201);
    const count = await e2e.eventCount();
    const retry = await request(server())
      .post(base)
      .set('Authorization', bearer())
      .set('Idempotency-Key', key)
      .send(body);
    expect([retry.status, retry.headers['idempotent-replayed']]).toEqual([201, 'true']);
    expect(retry.body).toEqual(first.body);
    expect(await e2e.eventCount()).toBe(count);

    const meeting = { days: 1, attendance: { kind: 'headcount', headcount: 18 }, occurredAt: '2018-10-05' };
    const path = `${base}/${first.body.groupId}/meetings`;
    const held = await request(server())
      .post(path)
      .set('Authorization', bearer())
      .set('Idempotency-Key', 'rgr-1')
      .send(meeting);
    const again = await request(server())
      .post(path)
      .set('Authorization', bearer())
      .set('Idempotency-Key', 'rgr-1')
      .send(meeting);
    expect(again.body).toEqual(held.body);
    expect((await get(`/${first.body.groupId}`)).body.meetings).toHaveLength(1);
  });

  it('refuses a write based on a stale revision with 409 and the current revision', async () => {
    const { groupId } = await kartuskiPgr();
    const read = await get(`/${groupId}`);
    const meeting = { days: 2, attendance: { kind: 'headcount', headcount: 6 }, occurredAt: '2018-11-05' };
    await post(`/${groupId}/meetings`, meeting).set('If-Match', read.headers.etag).expect(201);
    const stale = await post(`/${groupId}/meetings`, { ...meeting, occurredAt: '2018-11-20' }).set(
      'If-Match',
      read.headers.etag,
    );
    expect([stale.status, stale.body.code, stale.body.currentRevision]).toEqual([409, 'revision.conflict', 3]);
    const malformed = await post(`/${groupId}/meetings`, meeting).set('If-Match', 'yesterday');
    expect([malformed.status, malformed.body.errors[0].field]).toEqual([400, 'If-Match']);
  });

  it('describes every field in OpenAPI, personal ones as personal data', () => {
    const described = describedProperties(e2e.openApi, '/api/v1/tenants/{tenantId}/groups');
    expect([...described].filter(([, description]) => !description).map(([name]) => name)).toEqual([]);
    for (const field of [
      'JoinMemberDto.fullName',
      'JoinMemberDto.email',
      'JoinMemberDto.phone',
      'CorrectMemberDetailsDto.email',
    ]) {
      expect([field, described.get(field)]).toEqual([field, expect.stringContaining('Personal data')]);
    }
    const operations = Object.entries(e2e.openApi.paths)
      .filter(([path]) => path.startsWith('/api/v1/tenants/{tenantId}/groups'))
      .flatMap(([, ops]) => Object.values(ops as Record<string, { 'x-roles'?: string[]; description?: string }>));
    expect(operations).toHaveLength(13);
    for (const op of operations)
      expect([op.description, op['x-roles']]).toEqual([expect.any(String), expect.any(Array)]);
  });

  it('answers every caller of every groups route as the route declares, and refused writes change nothing', async () => {
    const callers: WalkCaller[] = [
      { name: 'anonymous' },
      ...ROLES.filter((r) => !(TENANT_ROLES as readonly string[]).includes(r)).map((role) => ({
        name: role,
        role,
        token: e2e.token(role),
      })),
      ...TENANT_ROLES.map((role) => ({
        name: `${role} of mr2`,
        role,
        tenantId: 'mr2',
        token: e2e.token(role, 'mr2', { voivodeships: ['pomorskie'] }),
      })),
    ];
    const routes = e2e.app
      .get(RouteCatalogue)
      .routes()
      .filter((r) => r.path.includes('/groups'));
    expect(routes.length).toBe(13);
    const problems = await walkRoutes(e2e.app, routes, callers, {
      ownTenant: 'mr2',
      otherTenant: 'mr3',
      snapshot: () => e2e.eventCount(),
    });
    expect(problems).toEqual([]);
  });
});
