import request from 'supertest';
import { ROLES, RouteCatalogue, TENANT_ROLES } from '@kooperacja/platform';
import { eventually, walkRoutes, type WalkCaller } from '@kooperacja/platform/testing';
import { programmeContext } from '@kooperacja/composition/contexts/programme';
import { territoryContext } from '@kooperacja/composition/contexts/territory';
import {
  startContextE2eApp,
  undescribedProperties,
  type ContextE2eApp,
} from '@kooperacja/platform/testing/context-e2e-app';

const base = '/api/v1/tenants/mr2/territory';
const kartuzy = {
  teryt: '2205023',
  name: 'Kartuzy',
  type: 'urban-rural',
  powiat: 'kartuski',
  voivodeship: 'pomorskie',
};
const zukowo = { teryt: '2205083', name: 'Żukowo', type: 'urban-rural', powiat: 'kartuski', voivodeship: 'pomorskie' };
const brusy = { teryt: '2202013', name: 'Brusy', type: 'urban-rural', powiat: 'chojnicki', voivodeship: 'pomorskie' };
const kowalewo = {
  teryt: '0405043',
  name: 'Kowalewo Pomorskie',
  type: 'urban-rural',
  powiat: 'golubsko-dobrzyński',
  voivodeship: 'kujawsko-pomorskie',
};

describe('the territory over HTTP', () => {
  let e2e: ContextE2eApp;
  const server = () => e2e.app.getHttpServer();
  const bearer = (role: (typeof ROLES)[number], extra?: { sub?: string; voivodeships?: string[] }) =>
    `Bearer ${e2e.token(role, 'mr2', extra)}`;
  const admin = () => bearer('tenant-admin', { sub: 'ewa-admin' });
  const post = (path: string, body: object, auth = admin()) =>
    request(server()).post(`${base}${path}`).set('Authorization', auth).send(body);
  const get = (path: string, auth = admin()) => request(server()).get(`${base}${path}`).set('Authorization', auth);

  beforeAll(async () => {
    e2e = await startContextE2eApp({
      modules: [...programmeContext.modules, ...territoryContext.modules],
      projections: [...programmeContext.projections, ...territoryContext.projections],
      entities: [...programmeContext.entities, ...territoryContext.entities],
    });
    // The project period every territory fact is checked against comes from the programme.
    await request(server())
      .post('/api/v1/tenants/mr2/programme/partnership')
      .set('Authorization', admin())
      .send({
        projectTitle: 'Kooperacja – efektywna i skuteczna',
        leadPartnerId: 'rops-torun',
        partners: [
          { partnerId: 'rops-torun', name: 'ROPS w Toruniu', kind: 'ROPS', voivodeships: ['kujawsko-pomorskie'] },
        ],
        plannedPeriod: { start: '2018-04-01', end: '2021-03-31' },
        budget: { total: { grosze: '1197747939', currency: 'PLN' } },
        occurredAt: '2018-03-20',
      })
      .expect(201);
  }, 60_000);
  afterAll(() => e2e?.close());

  describe('recording gminas and powiats as a tenant admin', () => {
    it('takes a gmina from invitation to pilot site, each step 201 with the stream, revision and ETag', async () => {
      const invited = await post('/municipalities', { ...kartuzy, occurredAt: '2019-03-04' }).expect(201);
      expect(invited.body).toEqual({
        streamId: 'territory.municipality-2205023',
        revision: 0,
        eventIds: [expect.any(String)],
        alreadyApplied: false,
      });
      expect(invited.headers.etag).toBe('"0"');
      const steps: [string, object][] = [
        ['participation', { declarationRef: 'DW/3/2019', occurredAt: '2019-04-10' }],
        ['agreement', { agreementRef: 'POR/7/2019', occurredAt: '2019-06-03' }],
        ['pilot-site', { occurredAt: '2019-09-02' }],
      ];
      for (const [i, [step, body]] of steps.entries()) {
        const res = await post(`/municipalities/2205023/${step}`, body);
        expect([step, res.status, res.body.revision, res.headers.etag]).toEqual([step, 201, i + 1, `"${i + 1}"`]);
      }
      await post('/municipalities', { ...zukowo, occurredAt: '2019-03-05' }).expect(201);
      await post('/municipalities/2205083/withdrawal', {
        reason: 'Rada Gminy nie przyjęła uchwały',
        occurredAt: '2019-05-06',
      }).expect(201);
      await post('/powiats', {
        teryt: '2205',
        name: 'kartuski',
        voivodeship: 'pomorskie',
        occurredAt: '2019-02-01',
      }).expect(201);
      await post('/powiats/2205/agreement', { agreementRef: 'POR/P/2/2019', occurredAt: '2019-05-20' }).expect(201);
    });

    it('shows a gmina now and who recorded each of its steps', async () => {
      const res = await get('/municipalities/2205023', bearer('tenant-viewer')).expect(200);
      expect(res.headers.etag).toBe('"3"');
      expect(res.body).toEqual({
        revision: 3,
        ...kartuzy,
        powiatTeryt: '2205',
        typeException: null,
        stage: 'pilot-site',
        invitedOn: '2019-03-04',
        declaredOn: '2019-04-10',
        declarationRef: 'DW/3/2019',
        agreement: { signedOn: '2019-06-03', reference: 'POR/7/2019' },
        recruitedOn: '2019-09-02',
        withdrawal: null,
      });
      const history = await get('/municipalities/2205023/history').expect(200);
      expect(history.body.events.map((e: { type: string; revision: number }) => [e.revision, e.type])).toEqual([
        [0, 'MunicipalityInvited'],
        [1, 'ParticipationDeclared'],
        [2, 'CooperationAgreementSigned'],
        [3, 'PilotSiteRecruited'],
      ]);
      expect(history.body.events[2]).toMatchObject({
        storedType: 'territory.CooperationAgreementSigned.v1',
        occurredAt: '2019-06-03',
        actor: { sub: 'ewa-admin', role: 'tenant-admin' },
        source: null,
      });
      const powiat = await get('/powiats/2205').expect(200);
      expect(powiat.body).toMatchObject({
        name: 'kartuski',
        agreement: { signedOn: '2019-05-20', reference: 'POR/P/2/2019' },
      });
      expect((await get('/powiats/2205/history')).body.events).toHaveLength(2);
    });

    it('lists gminas and powiats with status and agreements from the read model, filtered and paged', async () => {
      const all = await eventually(async () => {
        const res = await get('/municipalities', bearer('tenant-viewer')).expect(200);
        expect(res.body.total).toBe(3);
        expect(res.body.items.find((i: { teryt: string }) => i.teryt === '2205')?.agreement).not.toBeNull();
        return res.body;
      });
      expect(
        all.items.map((i: { teryt: string; kind: string; status: string }) => [i.teryt, i.kind, i.status]),
      ).toEqual([
        ['2205', 'powiat', 'under-agreement'],
        ['2205023', 'gmina', 'pilot-site'],
        ['2205083', 'gmina', 'withdrawn'],
      ]);
      expect(all.items[1]).toMatchObject({
        name: 'Kartuzy',
        type: 'urban-rural',
        powiat: 'kartuski',
        voivodeship: 'pomorskie',
        invitedOn: '2019-03-04',
        declaredOn: '2019-04-10',
        agreement: { signedOn: '2019-06-03', reference: 'POR/7/2019' },
        pilotSiteOn: '2019-09-02',
        withdrawal: null,
      });
      const withdrawn = await get('/municipalities?status=withdrawn&voivodeship=pomorskie').expect(200);
      expect(withdrawn.body).toMatchObject({
        total: 1,
        items: [{ name: 'Żukowo', withdrawal: { withdrawnOn: '2019-05-06' } }],
      });
      const paged = await get('/municipalities?kind=gmina&page=2&pageSize=1').expect(200);
      expect(paged.body).toMatchObject({ page: 2, pageSize: 1, total: 2, items: [{ teryt: '2205083' }] });
      expect((await get('/municipalities?voivodeship=lubuskie')).body).toMatchObject({ total: 0, items: [] });
    });
  });

  describe('refusals', () => {
    it('answers 400 naming each field at fault and why, writing nothing', async () => {
      const before = await e2e.eventCount();
      const res = await post('/municipalities', {
        teryt: '22050',
        name: 'Kartuzy',
        type: 'village',
        powiat: 'kartuski',
        voivodeship: 'Pomorze',
        occurredAt: '2019-03-04',
      }).expect(400);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'teryt', reason: expect.stringContaining('7 digits') },
          { field: 'type', reason: 'type must be one of rural, urban-rural, urban' },
          { field: 'voivodeship', reason: expect.stringContaining('lower-case Polish name') },
        ]),
      );
      const outside = await post('/municipalities', { ...brusy, occurredAt: '2021-06-01' }).expect(400);
      expect(outside.body).toMatchObject({ code: 'fact.outside-project-period', errors: [{ field: 'occurredAt' }] });
      const path = await post('/municipalities/22050/participation', { occurredAt: '2019-04-10' }).expect(400);
      expect(path.body).toMatchObject({ code: 'municipality.teryt-invalid', errors: [{ field: 'teryt' }] });
      const query = await get('/municipalities?status=signed&pageSize=1000').expect(400);
      expect(query.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['pageSize', 'status']);
      expect(await e2e.eventCount()).toBe(before);
    });

    it('answers 404 for a gmina or powiat that was never invited', async () => {
      const res = await post('/municipalities/2205123/participation', { occurredAt: '2019-04-10' }).expect(404);
      expect(res.body.code).toBe('municipality.not-invited');
      await get('/municipalities/2205123').expect(404);
      await get('/municipalities/2205123/history').expect(404);
      expect(
        (await post('/powiats/2206/agreement', { agreementRef: 'X/1', occurredAt: '2019-05-01' }).expect(404)).body
          .code,
      ).toBe('powiat.not-invited');
    });

    it('answers 409 with the current revision when expectedRevision or If-Match is stale', async () => {
      await post('/municipalities', { ...brusy, occurredAt: '2019-03-06', expectedRevision: -1 }).expect(201);
      const before = await e2e.eventCount();
      const stale = await post('/municipalities/2202013/participation', {
        occurredAt: '2019-04-12',
        expectedRevision: 4,
      }).expect(409);
      expect(stale.body).toMatchObject({ code: 'revision.conflict', currentRevision: 0 });
      await post('/municipalities', { ...kartuzy, occurredAt: '2019-03-04' })
        .set('If-Match', '"-1"')
        .expect(409);
      expect(await e2e.eventCount()).toBe(before);
      await post('/municipalities/2202013/participation', { occurredAt: '2019-04-12' })
        .set('If-Match', '"0"')
        .expect(201);
      const again = await post('/municipalities/2202013/participation', { occurredAt: '2019-04-13' }).expect(409);
      expect(again.body.code).toBe('municipality.already-declared');
    });

    it('answers 403 to an editor outside its voivodeships, and lets it record inside them', async () => {
      const editor = bearer('tenant-editor', { sub: 'jan-editor', voivodeships: ['kujawsko-pomorskie'] });
      const before = await e2e.eventCount();
      const invite = await post(
        '/municipalities',
        { ...brusy, teryt: '2202023', name: 'Czersk', occurredAt: '2019-03-07' },
        editor,
      ).expect(403);
      expect(invite.body).toMatchObject({ code: 'voivodeship.forbidden', errors: [{ field: 'voivodeship' }] });
      await post(
        '/municipalities/2202013/agreement',
        { agreementRef: 'POR/9/2019', occurredAt: '2019-06-05' },
        editor,
      ).expect(403);
      await post(
        '/powiats',
        { teryt: '2202', name: 'chojnicki', voivodeship: 'pomorskie', occurredAt: '2019-02-01' },
        editor,
      ).expect(403);
      expect(await e2e.eventCount()).toBe(before);
      await post('/municipalities', { ...kowalewo, occurredAt: '2019-03-08' }, editor).expect(201);
      await post('/municipalities/0405043/participation', { occurredAt: '2019-04-01' }, bearer('tenant-viewer')).expect(
        403,
      );
    });
  });

  it('replays the first response to a retry with the same Idempotency-Key and writes nothing', async () => {
    const body = { agreementRef: 'POR/9/2019', occurredAt: '2019-06-05' };
    const first = await post('/municipalities/2202013/agreement', body)
      .set('Idempotency-Key', 'brusy-agreement')
      .expect(201);
    const count = await e2e.eventCount();
    const retry = await post('/municipalities/2202013/agreement', body).set('Idempotency-Key', 'brusy-agreement');
    expect([retry.status, retry.headers['idempotent-replayed'], retry.body]).toEqual([201, 'true', first.body]);
    expect(await e2e.eventCount()).toBe(count);
  });

  it('documents every DTO field in OpenAPI', () => {
    expect(undescribedProperties(e2e.openApi, '/api/v1/tenants/{tenantId}/territory')).toEqual([]);
    const listing = e2e.openApi.paths['/api/v1/tenants/{tenantId}/territory/municipalities']?.get;
    const params = (listing?.parameters ?? []) as { name: string; description?: string }[];
    expect(params.filter((p) => p.name !== 'tenantId' && !p.description)).toEqual([]);
    expect(params.map((p) => p.name)).toEqual(
      expect.arrayContaining(['status', 'voivodeship', 'kind', 'page', 'pageSize']),
    );
  });

  it('answers every caller of every territory route as the route declares; refused writes change nothing', async () => {
    const callers: WalkCaller[] = [
      { name: 'anonymous' },
      ...ROLES.filter((r) => !(TENANT_ROLES as readonly string[]).includes(r)).map((role) => ({
        name: role,
        role,
        token: e2e.token(role),
      })),
      ...TENANT_ROLES.map((role) => ({
        name: role,
        role,
        tenantId: 'mr2',
        token: e2e.token(role, 'mr2', { voivodeships: ['pomorskie'] }),
      })),
    ];
    const routes = e2e.app
      .get(RouteCatalogue)
      .routes()
      .filter((r) => r.path.startsWith('/api/v1/tenants/:tenantId/territory'));
    expect(routes).toHaveLength(12);
    const problems = await walkRoutes(e2e.app, routes, callers, {
      ownTenant: 'mr2',
      otherTenant: 'mr1',
      paramValue: '2205023',
      snapshot: () => e2e.eventCount(),
    });
    expect(problems).toEqual([]);
  }, 60_000);
});
