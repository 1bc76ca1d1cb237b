import request from 'supertest';
import { ROLES, RouteCatalogue, TENANT_ROLES } from '@kooperacja/platform';
import { eventually, walkRoutes, type WalkCaller } from '@kooperacja/platform/testing';
import { programmeContext } from '@kooperacja/composition/contexts/programme';
import {
  startContextE2eApp,
  undescribedProperties,
  type ContextE2eApp,
} from '@kooperacja/platform/testing/context-e2e-app';

const base = '/api/v1/tenants/mr2/programme';

const torun = { partnerId: 'rops-torun', name: 'ROPS w Toruniu', kind: 'ROPS', voivodeships: ['kujawsko-pomorskie'] };
const gdansk = { partnerId: 'rops-gdansk', name: 'ROPS w Gdańsku', kind: 'ROPS', voivodeships: ['pomorskie'] };
const umk = {
  partnerId: 'umk',
  name: 'Uniwersytet Mikołaja Kopernika',
  kind: 'university',
  voivodeships: ['kujawsko-pomorskie'],
};
const szczecin = {
  partnerId: 'rops-szczecin',
  name: 'ROPS w Szczecinie',
  kind: 'ROPS',
  voivodeships: ['zachodniopomorskie'],
};
const partnership = {
  projectTitle: 'Kooperacja – efektywna i skuteczna',
  leadPartnerId: 'rops-torun',
  partners: [torun, umk],
  plannedPeriod: { start: '2018-04-01', end: '2021-03-31' },
  budget: { total: { grosze: '1197747939', currency: 'PLN' }, euShare: { grosze: '1009461962', currency: 'PLN' } },
  source: 'seed 002',
  occurredAt: '2018-03-20',
};

describe('the programme over HTTP', () => {
  let e2e: ContextE2eApp;
  const server = () => e2e.app.getHttpServer();
  const bearer = (role: (typeof ROLES)[number], extra?: { sub?: string; voivodeships?: string[] }) =>
    `Bearer ${e2e.token(role, 'mr2', extra)}`;
  const admin = () => bearer('tenant-admin', { sub: 'ewa-admin' });
  const post = (path: string, body: object, auth = admin()) =>
    request(server()).post(`${base}${path}`).set('Authorization', auth).send(body);
  const get = (path: string, auth = admin()) => request(server()).get(`${base}${path}`).set('Authorization', auth);

  beforeAll(async () => {
    e2e = await startContextE2eApp(programmeContext);
  }, 60_000);
  afterAll(() => e2e?.close());

  describe('recording the project as a tenant admin', () => {
    it('records each fact with 201, the stream, its revision and the ETag', async () => {
      const established = await post('/partnership', partnership).expect(201);
      expect(established.body).toEqual({
        streamId: 'programme.project-main',
        revision: 0,
        eventIds: [expect.any(String)],
        alreadyApplied: false,
      });
      expect(established.headers.etag).toBe('"0"');

      const facts: [string, object][] = [
        ['/partners', { partner: gdansk, occurredAt: '2018-05-02' }],
        [
          '/budget-amendments',
          {
            budget: {
              total: { grosze: '3160436834', currency: 'PLN' },
              targetedGrant: { grosze: '486820671', currency: 'PLN' },
            },
            source: 'seed 000',
            occurredAt: '2020-09-30',
          },
        ],
        [
          '/schedule-amendments',
          { period: { start: '2018-04-01', end: '2022-12-31' }, source: 'aneks nr 5', occurredAt: '2021-02-15' },
        ],
        [
          '/indicator-targets',
          { indicator: 'jst-in-pilot', value: 50, unit: 'jst', source: 'seed 000', occurredAt: '2018-04-01' },
        ],
        ['/milestones', { milestone: 1, source: 'protokół odbioru KM I', occurredAt: '2019-03-29' }],
        [
          '/model-approvals',
          { version: '1.0', approvedBy: 'Komitet Sterujący', ministryOpinion: 'positive', occurredAt: '2019-03-15' },
        ],
        ['/partners/rops-gdansk/departure', { reason: 'uchwała Zarządu Województwa', occurredAt: '2022-01-15' }],
      ];
      for (const [i, [path, body]] of facts.entries()) {
        const res = await post(path, body);
        expect([path, res.status, res.body.revision]).toEqual([path, 201, i + 1]);
      }
    });

    it('shows the project now, with planned and current figures and every amendment with its source', async () => {
      const res = await get('').expect(200);
      expect(res.headers.etag).toBe('"7"');
      expect(res.body.revision).toBe(7);
      expect(res.body.project).toMatchObject({
        projectTitle: 'Kooperacja – efektywna i skuteczna',
        partners: [torun, umk],
        schedule: {
          planned: { start: '2018-04-01', end: '2021-03-31' },
          current: { start: '2018-04-01', end: '2022-12-31' },
          amendments: [
            { period: { start: '2018-04-01', end: '2022-12-31' }, amendedOn: '2021-02-15', source: 'aneks nr 5' },
          ],
        },
        budget: {
          current: {
            total: { grosze: '3160436834', currency: 'PLN' },
            euShare: { grosze: '1009461962', currency: 'PLN' },
            targetedGrant: { grosze: '486820671', currency: 'PLN' },
          },
          amendments: [expect.objectContaining({ source: 'seed 000', amendedOn: '2020-09-30' })],
        },
        targetsInForce: [
          { indicator: 'jst-in-pilot', value: 50, unit: 'jst', setOn: '2018-04-01', source: 'seed 000' },
        ],
        milestones: [{ milestone: 1, completedOn: '2019-03-29', source: 'protokół odbioru KM I' }],
        modelApprovals: [expect.objectContaining({ version: '1.0', ministryOpinion: 'positive' })],
      });
      expect(res.body.project.memberships).toContainEqual(
        expect.objectContaining({ partner: gdansk, leftOn: '2022-01-15', leftReason: 'uchwała Zarządu Województwa' }),
      );
    });

    it('lists who recorded what and when, without the facts’ data', async () => {
      const res = await get('/history', bearer('tenant-viewer')).expect(200);
      expect(res.body.events).toHaveLength(8);
      expect(res.body.events[2]).toEqual({
        eventId: expect.any(String),
        revision: 2,
        type: 'BudgetAmended',
        storedType: 'programme.BudgetAmended.v2',
        occurredAt: '2020-09-30',
        recordedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        actor: { sub: 'ewa-admin', role: 'tenant-admin' },
        source: 'seed 000',
      });
      expect(JSON.stringify(res.body)).not.toContain('3160436834');
    });

    it('corrects a fact (tenant admin only): the wrong event stays, the figures follow the correction', async () => {
      const history = (await get('/history')).body.events as { eventId: string; type: string }[];
      const amendment = history.find((e) => e.type === 'BudgetAmended')!;
      await post(
        '/corrections',
        { correctedEventId: amendment.eventId, reason: 'kwota z innego wniosku', occurredAt: '2024-05-02' },
        bearer('tenant-editor', { voivodeships: ['pomorskie', 'kujawsko-pomorskie'] }),
      ).expect(403);
      const res = await post('/corrections', {
        correctedEventId: amendment.eventId,
        replacement: {
          budget: { total: { grosze: '3160436800', currency: 'PLN' } },
          amendedOn: '2020-09-30',
          source: 'seed 000',
        },
        reason: 'kwota przepisana z błędem',
        occurredAt: '2024-05-02',
      }).expect(201);
      expect(res.body.revision).toBe(8);
      const { project } = (await get('')).body;
      expect(project.budget.current.total).toEqual({ grosze: '3160436800', currency: 'PLN' });
      expect(project.corrections).toEqual([
        expect.objectContaining({
          correctedEventId: amendment.eventId,
          voided: false,
          reason: 'kwota przepisana z błędem',
        }),
      ]);
      const events = (await get('/history')).body.events;
      expect(events[8]).toMatchObject({ type: 'FactCorrected', correctedEventId: amendment.eventId });
    });

    it('serves the overview read model: current figures and each amendment with its source and dates', async () => {
      const overview = await eventually(async () => {
        const res = await get('/overview', bearer('tenant-viewer')).expect(200);
        expect(res.body.project?.revision).toBe(8);
        return res.body.project;
      });
      expect(overview).toMatchObject({
        projectTitle: 'Kooperacja – efektywna i skuteczna',
        schedule: { current: { start: '2018-04-01', end: '2022-12-31' } },
        budget: { current: { total: { grosze: '3160436800', currency: 'PLN' } } },
        partners: { count: 2, partnerIds: ['rops-torun', 'umk'] },
        milestonesCompleted: [1],
        amendmentCounts: { budget: 1, schedule: 1 },
        corrections: 1,
      });
      expect(
        overview.amendments.map((a: { kind: string; source: string; status: string }) => [a.kind, a.source, a.status]),
      ).toEqual([
        ['budget', 'seed 000', 'corrected'],
        ['schedule', 'aneks nr 5', 'recorded'],
      ]);
    });
  });

  describe('refusals', () => {
    it('answers 400 naming each field at fault and why, writing nothing', async () => {
      const before = await e2e.eventCount();
      const res = await post('/budget-amendments', {
        budget: { total: { grosze: '31 604 368,34', currency: 'EUR' } },
        occurredAt: '2020-02-30',
        tenantId: 'mr1',
      }).expect(400);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'budget.total.grosze', reason: expect.stringContaining('whole number of grosze') },
          { field: 'budget.total.currency', reason: 'currency must be PLN' },
          { field: 'occurredAt', reason: expect.stringContaining('calendar date') },
          { field: 'source', reason: expect.stringContaining('source') },
          { field: 'tenantId', reason: expect.stringContaining('should not exist') },
        ]),
      );
      const domain = await post('/indicator-targets', {
        indicator: 'families-enrolled',
        value: 300,
        unit: 'persons',
        source: 'seed 000',
        occurredAt: '2019-01-10',
      }).expect(400);
      expect(domain.body).toMatchObject({
        code: 'indicator.unit-mismatch',
        errors: [{ field: 'unit', reason: expect.stringContaining('families') }],
      });
      const outside = await post('/milestones', { milestone: 2, occurredAt: '2023-06-30' }).expect(400);
      expect(outside.body).toMatchObject({ code: 'fact.outside-project-period', errors: [{ field: 'occurredAt' }] });
      expect(await e2e.eventCount()).toBe(before);
    });

    it('answers 404 to a fact for a project whose partnership is not established', async () => {
      const res = await request(server())
        .post('/api/v1/tenants/mr3/programme/milestones')
        .set('Authorization', `Bearer ${e2e.token('tenant-admin', 'mr3')}`)
        .send({ milestone: 1, occurredAt: '2019-03-29' })
        .expect(404);
      expect(res.body.code).toBe('project.not-established');
      // Reads answer 200: the tenant's programme exists, it is only empty.
      const empty = await request(server())
        .get('/api/v1/tenants/mr3/programme')
        .set('Authorization', `Bearer ${e2e.token('tenant-viewer', 'mr3')}`)
        .expect(200);
      expect([empty.body, empty.headers.etag]).toEqual([{ revision: -1, project: null }, '"-1"']);
      const overview = await request(server())
        .get('/api/v1/tenants/mr3/programme/overview')
        .set('Authorization', `Bearer ${e2e.token('tenant-viewer', 'mr3')}`)
        .expect(200);
      expect(overview.body).toEqual({ project: null });
    });

    it('answers 409 with the current revision when expectedRevision or If-Match is stale', async () => {
      const before = await e2e.eventCount();
      const stale = await post('/milestones', { milestone: 2, occurredAt: '2020-12-15', expectedRevision: 3 }).expect(
        409,
      );
      expect(stale.body).toMatchObject({ code: 'revision.conflict', currentRevision: 8 });
      await post('/milestones', { milestone: 2, occurredAt: '2020-12-15' }).set('If-Match', '"5"').expect(409);
      expect(await e2e.eventCount()).toBe(before);
      const fresh = await post('/milestones', { milestone: 2, occurredAt: '2020-12-15' })
        .set('If-Match', '"8"')
        .expect(201);
      expect(fresh.headers.etag).toBe('"9"');
      const twice = await post('/milestones', { milestone: 2, occurredAt: '2020-12-16' }).expect(409);
      expect(twice.body.code).toBe('milestone.already-completed');
    });

    it('answers 403 to an editor recording a partner outside its voivodeships, and lets it inside them', async () => {
      const editor = bearer('tenant-editor', { sub: 'jan-editor', voivodeships: ['pomorskie'] });
      const before = await e2e.eventCount();
      const refused = await post('/partners', { partner: szczecin, occurredAt: '2019-02-01' }, editor).expect(403);
      expect(refused.body).toMatchObject({
        code: 'voivodeship.forbidden',
        errors: [{ field: 'partner.voivodeships' }],
      });
      await post('/partners/umk/departure', { occurredAt: '2019-02-01' }, editor).expect(403);
      expect(await e2e.eventCount()).toBe(before);
      await post('/partners', { partner: gdansk, source: 'aneks nr 6', occurredAt: '2022-03-01' }, editor).expect(201);
      await post('/partners', { partner: szczecin, occurredAt: '2019-02-01' }, bearer('tenant-viewer')).expect(403);
    });
  });

  it('replays the first response to a retry with the same Idempotency-Key and writes nothing', async () => {
    const body = {
      indicator: 'social-workers-coached',
      value: 100,
      unit: 'persons',
      source: 'seed 000',
      occurredAt: '2018-04-01',
    };
    const first = await post('/indicator-targets', body).set('Idempotency-Key', 'targets-2018-04-01').expect(201);
    const count = await e2e.eventCount();
    const retry = await post('/indicator-targets', body).set('Idempotency-Key', 'targets-2018-04-01');
    expect([retry.status, retry.headers['idempotent-replayed'], retry.body]).toEqual([201, 'true', first.body]);
    expect(await e2e.eventCount()).toBe(count);
    await post('/indicator-targets', { ...body, value: 120 })
      .set('Idempotency-Key', 'targets-2018-04-01')
      .expect(422);
  });

  it('documents every DTO field in OpenAPI', () => {
    expect(undescribedProperties(e2e.openApi, '/api/v1/tenants/{tenantId}/programme')).toEqual([]);
  });

  it('answers every caller of every programme route as the route declares; refused writes change nothing', async () => {
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
      .filter((r) => r.path.startsWith('/api/v1/tenants/:tenantId/programme'));
    expect(routes).toHaveLength(12);
    const problems = await walkRoutes(e2e.app, routes, callers, {
      ownTenant: 'mr2',
      otherTenant: 'mr1',
      paramValue: 'rops-gdansk',
      snapshot: () => e2e.eventCount(),
    });
    expect(problems).toEqual([]);
  }, 60_000);
});
