import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { decisionsContext } from '@kooperacja/composition/contexts/decisions';
import { groupsContext } from '@kooperacja/composition/contexts/groups';
import { ROLES, RouteCatalogue, TENANT_ROLES, type Role } from '@kooperacja/platform';
import { eventually, walkRoutes, type WalkCaller } from '@kooperacja/platform/testing';
import { describedProperties, startApiE2eApp, type ApiE2eApp } from '@kooperacja/platform/testing/api-e2e-app';

jest.setTimeout(60_000);

const tenant = '/api/v1/tenants/mr2';

describe('decisions over HTTP', () => {
  let e2e: ApiE2eApp;
  const server = () => e2e.app.getHttpServer();
  const bearer = (role: Role = 'tenant-admin', voivodeships?: string[]) =>
    `Bearer ${e2e.token(role, 'mr2', { sub: `${role}-marta`, voivodeships })}`;
  const post = (path: string, body: object, auth = bearer()) =>
    request(server()).post(`${tenant}${path}`).set('Authorization', auth).send(body);
  const get = (path: string, auth = bearer('tenant-viewer')) =>
    request(server()).get(`${tenant}${path}`).set('Authorization', auth);

  beforeAll(async () => {
    e2e = await startApiE2eApp([groupsContext, decisionsContext]);
  });
  afterAll(() => e2e?.close());

  /** A PGD in powiat starogardzki (pomorskie) with three members who met on 2019-01-15. */
  async function pgdThatMet() {
    const { body } = await post('/groups', {
      kind: 'PGD',
      level: 'powiat',
      territory: '2213',
      name: 'PGD powiatu starogardzkiego',
      occurredAt: '2018-10-01',
    }).expect(201);
    const groupId: string = body.groupId;
    const people: string[] = [];
    for (const [fullName, sector] of [
      ['Maria Zielińska', 'social-assistance'],
      ['Tomasz Lewandowski', 'labour-office'],
      ['Katarzyna Dąbrowska', 'courts-probation'],
    ]) {
      const joined = await post(`/groups/${groupId}/members`, {
        fullName,
        institution: 'PCPR Starogard Gdański',
        sector,
        role: 'member',
        occurredAt: '2018-10-01',
      }).expect(201);
      people.push(joined.body.personId);
    }
    await post(`/groups/${groupId}/meetings`, {
      days: 1,
      attendance: { kind: 'members', personIds: people },
      occurredAt: '2019-01-15',
    }).expect(201);
    return { groupId, people };
  }

  const proposal = (groupId: string, over: object = {}) => ({
    groupId,
    subject: 'Przyjęcie koszyka usług',
    text: 'PGD przyjmuje koszyk usług w brzmieniu załącznika.',
    occurredAt: '2019-01-15',
    ...over,
  });

  it('convenes, seats members, meets, proposes and adopts with votes, all through HTTP', async () => {
    const { groupId } = await pgdThatMet();
    const proposed = await post('/decisions', proposal(groupId)).expect(201);
    expect(proposed.body).toEqual({
      decisionId: expect.any(String),
      groupId,
      streamId: `decisions.decision-${proposed.body.decisionId}`,
      revision: 0,
      eventIds: [expect.any(String)],
      status: 'proposed',
      alreadyApplied: false,
    });
    const { decisionId } = proposed.body;
    const adopted = await post(`/decisions/${decisionId}/adoption`, {
      outcome: { kind: 'vote', for: 2, against: 1, abstaining: 0 },
      effectiveOn: '2019-02-01',
      occurredAt: '2019-01-15',
    }).expect(201);
    expect([adopted.body.status, adopted.body.revision, adopted.headers.etag]).toEqual(['adopted', 1, '"1"']);

    const record = await get(`/decisions/${decisionId}`).expect(200);
    expect(record.body).toMatchObject({
      status: 'adopted',
      groupId,
      subject: 'Przyjęcie koszyka usług',
      decidedOn: '2019-01-15',
      effectiveOn: '2019-02-01',
      outcome: { kind: 'vote', for: 2, against: 1, abstaining: 0 },
      revision: 1,
    });
    const history = await get(`/decisions/${decisionId}/history`).expect(200);
    expect(history.body.events).toEqual([
      expect.objectContaining({
        type: 'decisions.DecisionProposed.v1',
        revision: 0,
        occurredAt: '2019-01-15',
        actor: { sub: 'tenant-admin-marta', role: 'tenant-admin' },
      }),
      expect.objectContaining({ type: 'decisions.DecisionAdopted.v1', revision: 1 }),
    ]);

    await post(`/decisions/${decisionId}/amendments`, {
      text: 'PGD przyjmuje koszyk usług z poprawkami.',
      reason: 'Uwagi PUP',
      occurredAt: '2019-03-01',
    }).expect(201);
    const revoked = await post(`/decisions/${decisionId}/revocation`, {
      reason: 'Nowy koszyk',
      occurredAt: '2019-09-01',
    });
    expect([revoked.status, revoked.body.status]).toEqual([201, 'revoked']);
    const corrected = await post(`/decisions/${decisionId}/corrections`, {
      outcome: { kind: 'vote', for: 3, against: 0 },
      reason: 'Błędnie policzone głosy',
      occurredAt: '2019-09-02',
    });
    expect([corrected.status, corrected.body.revision]).toEqual([201, 4]);
  });

  it('refuses more votes than the body had members that day, with 409 naming the outcome', async () => {
    const { groupId } = await pgdThatMet();
    const { body } = await post('/decisions', proposal(groupId)).expect(201);
    const before = await e2e.eventCount();
    const res = await post(`/decisions/${body.decisionId}/adoption`, {
      outcome: { kind: 'vote', for: 3, against: 1, abstaining: 0 },
      occurredAt: '2019-01-15',
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'decision.votes-exceed-membership',
      errors: [{ field: 'outcome', reason: '4 votes recorded, but the body had 3 members on 2019-01-15' }],
    });
    const noMajority = await post(`/decisions/${body.decisionId}/adoption`, {
      outcome: { kind: 'vote', for: 1, against: 1 },
      occurredAt: '2019-01-15',
    });
    expect([noMajority.status, noMajority.body.code]).toEqual([400, 'decision.votes-do-not-adopt']);
    expect(await e2e.eventCount()).toBe(before);
    const rejected = await post(`/decisions/${body.decisionId}/rejection`, {
      outcome: { kind: 'vote', for: 1, against: 2 },
      occurredAt: '2019-01-15',
    });
    expect([rejected.status, rejected.body.status]).toEqual([201, 'rejected']);
  });

  it('names the field at fault with 400', async () => {
    const { groupId } = await pgdThatMet();
    const { body } = await post('/decisions', proposal(groupId)).expect(201);
    const outcome = await post(`/decisions/${body.decisionId}/adoption`, {
      outcome: { kind: 'show of hands' },
      occurredAt: '2019-01-15',
    });
    expect([outcome.status, outcome.body.errors]).toEqual([
      400,
      [{ field: 'outcome.kind', reason: "outcome.kind must be 'consensus' or 'vote'" }],
    ]);
    const votes = await post(`/decisions/${body.decisionId}/adoption`, {
      outcome: { kind: 'vote', for: -1, against: 0 },
      occurredAt: '2019-01-15',
    });
    expect(votes.body.errors).toEqual([{ field: 'outcome.for', reason: 'for must be 0 or more' }]);
    const subject = await post('/decisions', proposal(groupId, { subject: '' }));
    expect([subject.status, subject.body.errors]).toEqual([
      400,
      [{ field: 'subject', reason: 'subject must be 1 to 300 characters' }],
    ]);
    const date = await post('/decisions', proposal(groupId, { occurredAt: '15.01.2019' }));
    expect(date.body.errors).toEqual([
      { field: 'occurredAt', reason: 'occurredAt must be a calendar date written YYYY-MM-DD' },
    ]);
  });

  it('answers 404 for an unknown decision or body, and a body that did not exist yet with 409', async () => {
    const unknown = randomUUID();
    const adopt = await post(`/decisions/${unknown}/adoption`, {
      outcome: { kind: 'consensus' },
      occurredAt: '2019-01-15',
    });
    expect([adopt.status, adopt.body.code]).toEqual([404, 'decision.not-found']);
    const propose = await post('/decisions', proposal(unknown));
    expect([propose.status, propose.body.code]).toEqual([404, 'body.not-found']);
    expect((await get(`/decisions/${unknown}`)).status).toBe(404);
    expect((await get(`/decisions/${unknown}/history`)).status).toBe(404);

    const { groupId } = await pgdThatMet();
    const early = await post('/decisions', proposal(groupId, { occurredAt: '2018-09-30' }));
    expect([early.status, early.body.code, early.body.errors[0].field]).toEqual([
      409,
      'body.not-convened',
      'occurredAt',
    ]);
  });

  it("refuses a tenant editor a body outside its token's voivodeships, and corrections to editors", async () => {
    const { groupId } = await pgdThatMet(); // pomorskie
    const before = await e2e.eventCount();
    const res = await post('/decisions', proposal(groupId), bearer('tenant-editor', ['lubuskie']));
    expect([res.status, res.body.code]).toEqual([403, 'voivodeship.forbidden']);
    expect((await post('/decisions', proposal(groupId), bearer('tenant-viewer'))).status).toBe(403);
    expect(await e2e.eventCount()).toBe(before);

    const own = bearer('tenant-editor', ['pomorskie']);
    const { body } = await post('/decisions', proposal(groupId), own).expect(201);
    await post(
      `/decisions/${body.decisionId}/adoption`,
      { outcome: { kind: 'consensus' }, occurredAt: '2019-01-15' },
      own,
    ).expect(201);
    const correction = { subject: 'Koszyk usług', reason: 'Literówka', occurredAt: '2019-02-01' };
    expect((await post(`/decisions/${body.decisionId}/corrections`, correction, own)).status).toBe(403);
    await post(`/decisions/${body.decisionId}/corrections`, correction).expect(201);
  });

  it('replays the first response to a retry with the same Idempotency-Key and appends no second event', async () => {
    const { groupId } = await pgdThatMet();
    const send = (path: string, body: object, key: string) =>
      request(server()).post(`${tenant}${path}`).set('Authorization', bearer()).set('Idempotency-Key', key).send(body);
    const first = await send('/decisions', proposal(groupId), 'pgd-proposal-1');
    const retry = await send('/decisions', proposal(groupId), 'pgd-proposal-1');
    expect([first.status, retry.status, retry.headers['idempotent-replayed']]).toEqual([201, 201, 'true']);
    expect(retry.body).toEqual(first.body);

    const vote = { outcome: { kind: 'vote', for: 2, against: 0, abstaining: 1 }, occurredAt: '2019-01-15' };
    const adopted = await send(`/decisions/${first.body.decisionId}/adoption`, vote, 'pgd-adoption-1');
    const count = await e2e.eventCount();
    const again = await send(`/decisions/${first.body.decisionId}/adoption`, vote, 'pgd-adoption-1');
    expect(again.body).toEqual(adopted.body);
    expect(await e2e.eventCount()).toBe(count);
    const { body } = await get(`/decisions/${first.body.decisionId}/history`);
    expect(body.events.map((e: { type: string }) => e.type)).toEqual([
      'decisions.DecisionProposed.v1',
      'decisions.DecisionAdopted.v1',
    ]);
  });

  it('serves the decisions log filtered by body, subject, dates and status', async () => {
    const { groupId } = await pgdThatMet();
    const decide = async (subject: string, day: string, adopt: boolean) => {
      const { body } = await post('/decisions', proposal(groupId, { subject, occurredAt: day })).expect(201);
      if (adopt) {
        await post(`/decisions/${body.decisionId}/adoption`, {
          outcome: { kind: 'consensus' },
          occurredAt: day,
        }).expect(201);
      }
      return body.decisionId as string;
    };
    const basket = await decide('Koszyk usług dla rodzin', '2019-02-01', true);
    const plan = await decide('Plan pracy na 2019', '2019-03-01', true);
    const report = await decide('Raport z pilotażu', '2019-11-20', false);

    const log = (query: string) => get(`/decisions?groupId=${groupId}${query}`);
    await eventually(async () => expect((await log('')).body.total).toBe(3));
    expect((await log('')).body.items.map((d: { decisionId: string }) => d.decisionId)).toEqual([report, plan, basket]);
    expect((await log('&subject=KOSZYK')).body.items.map((d: { decisionId: string }) => d.decisionId)).toEqual([
      basket,
    ]);
    expect(
      (await log('&from=2019-02-02&to=2019-03-01')).body.items.map((d: { decisionId: string }) => d.decisionId),
    ).toEqual([plan]);
    expect((await log('&status=proposed')).body.items.map((d: { decisionId: string }) => d.decisionId)).toEqual([
      report,
    ]);
    expect((await log('&pageSize=2&page=2')).body).toMatchObject({
      total: 3,
      page: 2,
      pageSize: 2,
      items: [{ decisionId: basket }],
    });
    expect((await log('')).body.items[2]).toMatchObject({
      body: { name: 'PGD powiatu starogardzkiego', kind: 'PGD', voivodeship: 'pomorskie' },
      status: 'adopted',
      outcome: { kind: 'consensus' },
    });

    const badDate = await log('&from=2019-02-31');
    expect([badDate.status, badDate.body.errors[0].field]).toEqual([400, 'from']);
    const reversed = await log('&from=2019-03-01&to=2019-02-01');
    expect([reversed.status, reversed.body.errors[0].field]).toEqual([400, 'to']);
    expect((await log('&status=done')).body.errors[0].field).toBe('status');
  });

  it('describes every field in OpenAPI', () => {
    const described = describedProperties(e2e.openApi, '/api/v1/tenants/{tenantId}/decisions');
    expect(described.size).toBeGreaterThan(10);
    expect([...described].filter(([, description]) => !description).map(([name]) => name)).toEqual([]);
  });

  it('answers every caller of every decisions route as the route declares, and refused writes change nothing', async () => {
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
      .filter((r) => r.path.includes('/decisions'));
    expect(routes.length).toBe(9);
    const problems = await walkRoutes(e2e.app, routes, callers, {
      ownTenant: 'mr2',
      otherTenant: 'mr3',
      snapshot: () => e2e.eventCount(),
    });
    expect(problems).toEqual([]);
  });
});
