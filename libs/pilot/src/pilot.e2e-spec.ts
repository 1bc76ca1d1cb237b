import request from 'supertest';
import { ROLES, RouteCatalogue, TENANT_ROLES } from '@kooperacja/platform';
import { eventually, walkRoutes, type WalkCaller } from '@kooperacja/platform/testing';
import { startPilotE2eApp, type PilotE2eApp } from './testing/pilot-e2e-app';

const base = '/api/v1/tenants/mr1/pilot';
const SITE = '1805052'; // gmina Brzostek, podkarpackie
const LUBELSKIE_SITE = '0612052';

describe('the pilot over HTTP', () => {
  let e2e: PilotE2eApp;
  const server = () => e2e.app.getHttpServer();
  const admin = () => `Bearer ${e2e.token('tenant-admin', 'mr1', { sub: 'ewa-admin' })}`;
  const post = (path: string, body: object, auth = admin()) =>
    request(server()).post(`${base}${path}`).set('Authorization', auth).send(body);
  const get = (path: string, auth = admin()) => request(server()).get(`${base}${path}`).set('Authorization', auth);
  const streamEvents = async (streamId: string) =>
    (
      await e2e.owner.query<{ event_type: string; data: object }>(
        `SELECT event_type, data FROM es_events WHERE tenant_id = 'mr1' AND stream_id = $1 ORDER BY stream_revision`,
        [streamId],
      )
    ).rows;

  const enrol = (caseId: string, siteTeryt = SITE, auth = admin()) =>
    post('/cases', { caseId, siteTeryt, householdSize: 4, caseUnit: 'ipw', occurredAt: '2019-09-02' }, auth);
  const planBody = {
    planType: 'ipw',
    goals: [
      { goalId: 'g1', area: 'employment', label: 'Praca dla pani Ewy Nowak' },
      { goalId: 'g2', area: 'housing' },
    ],
    responsibleInstitutions: [
      { institutionId: 'gops-brzostek', sector: 'social-assistance' },
      { institutionId: 'pup-debica', sector: 'labour-office' },
    ],
    occurredAt: '2019-10-01',
  };

  beforeAll(async () => {
    e2e = await startPilotE2eApp();
  });
  afterAll(() => e2e?.close());

  describe('a case from enrolment to closing, as a tenant admin', () => {
    const caseId = 'mr1-BRZ-0001';
    const path = `/cases/${caseId}`;

    it('records every step, answering 201 with the stream, revision and ETag', async () => {
      const enrolled = await enrol(caseId).expect(201);
      expect(enrolled.body).toEqual({
        streamId: `pilot.case-${caseId}`,
        caseId,
        revision: 0,
        eventIds: [expect.any(String)],
        alreadyApplied: false,
      });
      expect(enrolled.headers.etag).toBe('"0"');

      const steps: [string, object][] = [
        ['/diagnosis', { areas: ['employment', 'housing'], occurredAt: '2019-09-10' }],
        ['/plan', planBody],
        ['/meetings', { clientPresent: true, institutionsPresent: 3, occurredAt: '2019-10-15' }],
        ['/support', { kind: 'vocational-activation', hours: 2.5, occurredAt: '2019-11-04' }],
        ['/meetings', { clientPresent: false, institutionsPresent: 2, occurredAt: '2019-11-12' }],
        [
          '/plan-review',
          {
            progress: [
              { goalId: 'g1', progress: 'achieved' },
              { goalId: 'g2', progress: 'in-progress' },
            ],
            occurredAt: '2020-03-02',
          },
        ],
        ['/plan-completion', { outcome: 'success', occurredAt: '2020-09-30' }],
        ['/closure', { reason: 'support-completed', occurredAt: '2020-10-15' }],
        [
          '/corrections',
          { reason: 'duplicate-entry', correction: { fact: 'meeting-voided', meetingNo: 2 }, occurredAt: '2021-01-11' },
        ],
      ];
      for (const [i, [step, body]] of steps.entries()) {
        const res = await post(`${path}${step}`, body);
        expect([step, res.status, res.body.revision, res.headers.etag]).toEqual([step, 201, i + 1, `"${i + 1}"`]);
        expect(res.body).not.toHaveProperty('events');
      }
      expect((await streamEvents(`pilot.case-${caseId}`)).map((e) => e.event_type)).toEqual([
        'pilot.CaseEnrolled.v1',
        'pilot.DiagnosisCompleted.v1',
        'pilot.IndividualPlanAgreed.v1',
        'pilot.CaseTeamMeetingHeld.v1',
        'pilot.SupportDelivered.v1',
        'pilot.CaseTeamMeetingHeld.v1',
        'pilot.PlanReviewed.v1',
        'pilot.PlanCompleted.v1',
        'pilot.CaseClosed.v1',
        'pilot.CaseFactCorrected.v1',
      ]);
    });

    it('reads the case back from its stream: state, summary, ETag, history without data', async () => {
      const res = await get(path).expect(200);
      expect(res.headers.etag).toBe('"9"');
      expect(res.body.summary).toMatchObject({
        caseId,
        status: 'closed',
        siteTeryt: SITE,
        voivodeship: 'podkarpackie',
        planOutcome: 'success',
        meetings: 1,
        supportHours: 2.5,
        corrections: 1,
        closedOn: '2020-10-15',
      });
      expect(res.body.state.plans[0].goals).toEqual([
        { goalId: 'g1', area: 'employment' },
        { goalId: 'g2', area: 'housing' },
      ]);
      expect(JSON.stringify(res.body)).not.toContain('Nowak');

      const history = await get(`${path}/history`).expect(200);
      expect(history.body.revision).toBe(9);
      expect(history.body.events[2]).toEqual({
        revision: 2,
        type: 'pilot.IndividualPlanAgreed.v1',
        occurredAt: '2019-10-01',
        recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        actor: { sub: 'ewa-admin', role: 'tenant-admin' },
        eventId: expect.any(String),
      });
      expect(JSON.stringify(history.body)).not.toContain('Nowak');
    });

    it('refuses a plan on the closed case with 409 and records nothing', async () => {
      const before = await e2e.eventCount();
      const res = await post(`${path}/plan`, { ...planBody, occurredAt: '2020-11-02' });
      expect([res.status, res.body.code]).toEqual([409, 'case.closed']);
      expect(await e2e.eventCount()).toBe(before);
    });

    it('shows the case in the read models within moments, without goal labels', async () => {
      const row = await eventually(async () => {
        const res = await get(`/cases?site=${SITE}&status=closed`).expect(200);
        expect(res.body.items).toHaveLength(1);
        return res.body.items[0];
      });
      expect(row).toEqual({
        caseId,
        siteTeryt: SITE,
        voivodeship: 'podkarpackie',
        caseUnit: 'ipw',
        householdSize: 4,
        status: 'closed',
        planType: 'ipw',
        plans: 1,
        enrolledOn: '2019-09-02',
        diagnosedOn: '2019-09-10',
        planAgreedOn: '2019-10-01',
        firstMeetingOn: '2019-10-15',
        completedOn: '2020-09-30',
        closedOn: '2020-10-15',
        closeReason: 'support-completed',
        meetings: 1,
        meetingsWithClient: 1,
        supportHours: 2.5,
        outcome: 'success',
        corrections: 1,
      });
      const progress = await eventually(async () => {
        const res = await get(`/sites/${SITE}/progress`).expect(200);
        expect(res.body.cases.closed).toBe(1);
        return res.body;
      });
      expect(progress).toMatchObject({
        teryt: SITE,
        plans: { agreed: 1, completed: 1, success: 1, successRate: 1 },
        caseTeamMeetings: 1,
        supportHours: 2.5,
      });
      const viewer = `Bearer ${e2e.token('tenant-viewer', 'mr1')}`;
      const listed = await get('/cases?outcome=success', viewer).expect(200);
      expect(listed.body).toMatchObject({ page: 1, pageSize: 50, total: 1 });
      expect(JSON.stringify(listed.body)).not.toContain('Nowak');
    });
  });

  describe('a pilot site’s staff support and outcome', () => {
    it('records coaching, supervision, a training and an outcome report, and reads them back', async () => {
      const site = `/sites/${LUBELSKIE_SITE}`;
      const coaching = await post(`${site}/coaching`, {
        kind: 'group',
        hours: 3,
        socialWorkers: 8,
        occurredAt: '2019-11-05',
      }).expect(201);
      // The site's first fact registers its log: two events.
      expect(coaching.body).toMatchObject({
        streamId: `pilot.site-${LUBELSKIE_SITE}`,
        teryt: LUBELSKIE_SITE,
        revision: 1,
      });
      expect(coaching.body.eventIds).toHaveLength(2);
      await post(`${site}/supervision`, {
        caseTeamId: 'zzk-LUB-01',
        hours: 2,
        participants: 6,
        occurredAt: '2020-01-14',
      }).expect(201);
      await post(`${site}/trainings`, {
        topic: 'case-team-work',
        hours: 16,
        participants: 24,
        occurredAt: '2019-06-12',
      }).expect(201);
      const report = {
        periodStart: '2019-09-01',
        periodEnd: '2020-06-30',
        familiesEnrolled: 12,
        plansCompleted: 9,
        successes: 7,
        source: 'Sprawozdanie GOPS, sporządziła Anna Kowalska',
        occurredAt: '2020-07-10',
      };
      await post(`${site}/outcome-reports`, report).expect(201);
      const restated = await post(`${site}/outcome-reports`, report).expect(200);
      expect(restated.body).toMatchObject({ eventIds: [], alreadyApplied: false, revision: 4 });

      const state = await get(site).expect(200);
      expect([state.headers.etag, state.body.summary.coaching]).toEqual([
        '"4"',
        { sessions: 1, individualSessions: 0, groupSessions: 1, hours: 3, workerHours: 24 },
      ]);
      const history = await get(`${site}/history`).expect(200);
      expect(history.body.events.map((e: { type: string }) => e.type)).toEqual([
        'pilot.SiteRegistered.v1',
        'pilot.CoachingSessionHeld.v1',
        'pilot.SupervisionSessionHeld.v1',
        'pilot.TrainingHeld.v1',
        'pilot.PilotOutcomeReported.v1',
      ]);

      const progress = await eventually(async () => {
        const res = await get(`${site}/progress`).expect(200);
        expect(res.body.lastOutcomeReport).not.toBeNull();
        return res.body;
      });
      expect(progress).toMatchObject({
        coaching: { sessions: 1, hours: 3, participants: 8 },
        supervision: { sessions: 1, hours: 2, participants: 6 },
        training: { sessions: 1, hours: 16, participants: 24 },
        lastOutcomeReport: { reportedOn: '2020-07-10', plansCompleted: 9, successes: 7 },
      });
      expect(JSON.stringify(progress)).not.toContain('Kowalska');
      const sites = await get('/sites').expect(200);
      expect(sites.body.items.map((s: { teryt: string }) => s.teryt)).toEqual(expect.arrayContaining([LUBELSKIE_SITE]));
    });
  });

  describe('refusals', () => {
    it('answers 400 naming each bad field, from validation and from the domain rules', async () => {
      await enrol('mr1-BRZ-0100').expect(201);
      const shape = await post('/cases/mr1-BRZ-0100/meetings', {
        clientPresent: 'yes',
        institutionsPresent: 3,
        occurredAt: '2019-02-30',
        room: 'B12',
        tenantId: 'mr2',
      });
      expect(shape.status).toBe(400);
      expect(shape.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'clientPresent', reason: 'clientPresent must be true or false' },
          { field: 'occurredAt', reason: 'occurredAt must be an ISO date (YYYY-MM-DD) or date-time' },
          { field: 'room', reason: 'property room should not exist' },
          { field: 'tenantId', reason: 'property tenantId should not exist' }, // the tenant is the token's
        ]),
      );
      const nested = await post('/cases/mr1-BRZ-0100/plan', {
        ...planBody,
        goals: [{ goalId: 'g1', area: 'astrology' }],
      });
      expect([nested.status, nested.body.errors]).toEqual([
        400,
        [{ field: 'goals.0.area', reason: expect.stringMatching(/^area must be one of: income, housing/) }],
      ]);
      const rule = await post('/cases', {
        caseId: 'mr1-BRZ-0101',
        siteTeryt: SITE,
        householdSize: 25,
        caseUnit: 'ipw',
        occurredAt: '2019-09-02',
      });
      expect([rule.status, rule.body.code, rule.body.errors]).toEqual([
        400,
        'case.household-size-invalid',
        [{ field: 'householdSize', reason: 'householdSize must be a whole number from 1 to 20' }],
      ]);
      const outside = await post('/cases', {
        caseId: 'mr1-BRZ-0102',
        siteTeryt: '2205033',
        householdSize: 2,
        caseUnit: 'ipw',
        occurredAt: '2019-09-02',
      });
      expect([outside.status, outside.body.code, outside.body.errors[0].field]).toEqual([
        400,
        'teryt.outside-partnership',
        'siteTeryt',
      ]);
    });

    it('refuses case ids that look like a name or a PESEL with 400 on caseId, never echoing them', async () => {
      const before = await e2e.eventCount();
      for (const [caseId, reason] of [
        ['Jan Kowalski', /looks like a personal name/],
        ['Łukasiewicz', /looks like a personal name/],
        ['85010112345', /looks like a PESEL/],
      ] as const) {
        const res = await enrol(caseId);
        expect([caseId, res.status, res.body.errors]).toEqual([
          caseId,
          400,
          [{ field: 'caseId', reason: expect.stringMatching(reason) }],
        ]);
        expect(JSON.stringify(res.body)).not.toContain(caseId);
      }
      const inPath = await post(`/cases/${encodeURIComponent('Anna Nowak')}/diagnosis`, {
        areas: ['income'],
        occurredAt: '2019-09-10',
      });
      expect([inPath.status, inPath.body.errors]).toEqual([
        400,
        [{ field: 'caseId', reason: expect.stringMatching(/looks like a personal name/) }],
      ]);
      expect((await get(`/cases/${encodeURIComponent('Anna Nowak')}`)).status).toBe(400);
      expect(await e2e.eventCount()).toBe(before);
    });

    it('answers 404 for a case never enrolled', async () => {
      const write = await post('/cases/mr1-BRZ-9999/diagnosis', { areas: ['income'], occurredAt: '2019-09-10' });
      expect([write.status, write.body.code]).toEqual([404, 'case.not-enrolled']);
      const read = await get('/cases/mr1-BRZ-9999');
      expect([read.status, read.body.code]).toEqual([404, 'case.not-enrolled']);
      expect((await get('/cases/mr1-BRZ-9999/history')).status).toBe(404);
      expect((await get('/sites/1805062/progress')).status).toBe(404);
    });

    it('lets an editor write in its voivodeships only (403 elsewhere), and never correct', async () => {
      const editor = `Bearer ${e2e.token('tenant-editor', 'mr1', { voivodeships: ['lubelskie'] })}`;
      await enrol('mr1-BRZ-0200').expect(201);
      const before = await e2e.eventCount();
      const meeting = await post(
        '/cases/mr1-BRZ-0200/diagnosis',
        { areas: ['income'], occurredAt: '2019-09-10' },
        editor,
      );
      expect([meeting.status, meeting.body.code]).toEqual([403, 'voivodeship.forbidden']);
      const elsewhere = await enrol('mr1-BRZ-0201', SITE, editor);
      expect([elsewhere.status, elsewhere.body.code]).toEqual([403, 'voivodeship.forbidden']);
      const coaching = await post(
        `/sites/${SITE}/coaching`,
        { kind: 'individual', hours: 1, socialWorkers: 1, occurredAt: '2019-11-05' },
        editor,
      );
      expect(coaching.status).toBe(403);
      expect(await e2e.eventCount()).toBe(before);

      await enrol('mr1-LUB-0202', LUBELSKIE_SITE, editor).expect(201);
      const correction = await post(
        '/cases/mr1-LUB-0202/corrections',
        {
          reason: 'data-entry-error',
          correction: { fact: 'household-size', householdSize: 5 },
          occurredAt: '2019-09-03',
        },
        editor,
      );
      expect(correction.status).toBe(403);
      const viewer = `Bearer ${e2e.token('tenant-viewer', 'mr1')}`;
      expect((await enrol('mr1-LUB-0203', LUBELSKIE_SITE, viewer)).status).toBe(403);
      expect((await get('/cases/mr1-LUB-0202', viewer)).status).toBe(200);
    });

    it('refuses a correction whose fields do not fit its kind', async () => {
      const res = await post('/cases/mr1-BRZ-0100/corrections', {
        reason: 'data-entry-error',
        correction: { fact: 'household-size', meetingNo: 2 },
        occurredAt: '2019-09-03',
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'correction.householdSize', reason: 'householdSize must be a whole number' },
          { field: 'correction.meetingNo', reason: 'meetingNo belongs to a meeting-voided correction only' },
        ]),
      );
    });

    it('refuses a write on a stale If-Match with 409 and the current revision', async () => {
      await enrol('mr1-BRZ-0300').expect(201);
      const stale = await post('/cases/mr1-BRZ-0300/diagnosis', { areas: ['income'], occurredAt: '2019-09-10' }).set(
        'If-Match',
        '"5"',
      );
      expect([stale.status, stale.body.code, stale.body.currentRevision]).toEqual([409, 'revision.conflict', 0]);
      const byQuery = await post('/cases/mr1-BRZ-0300/diagnosis?expectedRevision=3', {
        areas: ['income'],
        occurredAt: '2019-09-10',
      });
      expect([byQuery.status, byQuery.body.currentRevision]).toEqual([409, 0]);
      const malformed = await post('/cases/mr1-BRZ-0300/diagnosis', {
        areas: ['income'],
        occurredAt: '2019-09-10',
      }).set('If-Match', 'yesterday');
      expect([malformed.status, malformed.body.errors[0].field]).toEqual([400, 'If-Match']);
      await post('/cases/mr1-BRZ-0300/diagnosis', { areas: ['income'], occurredAt: '2019-09-10' })
        .set('If-Match', '"0"')
        .expect(201);
    });
  });

  it('answers an Idempotency-Key retry with the first response (status, ETag, body) and records once', async () => {
    await enrol('mr1-BRZ-0400').expect(201);
    await post('/cases/mr1-BRZ-0400/diagnosis', { areas: ['employment'], occurredAt: '2019-09-10' }).expect(201);
    await post('/cases/mr1-BRZ-0400/plan', planBody).expect(201);
    const send = () =>
      post('/cases/mr1-BRZ-0400/support', { kind: 'mentoring', hours: 1.5, occurredAt: '2019-11-04' }).set(
        'Idempotency-Key',
        'support-2019-11-04',
      );
    const first = await send().expect(201);
    const before = await e2e.eventCount();
    const retry = await send().expect(201);
    expect(retry.body).toEqual(first.body);
    expect([retry.headers['idempotent-replayed'], retry.headers.etag]).toEqual(['true', first.headers.etag]);
    expect(first.headers.etag).toBe('"3"');
    expect(await e2e.eventCount()).toBe(before);
    expect(
      (await streamEvents('pilot.case-mr1-BRZ-0400')).filter((e) => e.event_type === 'pilot.SupportDelivered.v1'),
    ).toHaveLength(1);
  });

  it('keeps other tenants out: 404 on their paths, nothing of theirs in the read models', async () => {
    const other = `Bearer ${e2e.token('tenant-admin', 'mr2')}`;
    expect((await get('/cases/mr1-BRZ-0001', other)).status).toBe(404);
    const own = await request(server()).get('/api/v1/tenants/mr2/pilot/cases').set('Authorization', other).expect(200);
    expect(own.body).toMatchObject({ items: [], total: 0 });
    const sites = await request(server())
      .get('/api/v1/tenants/mr2/pilot/sites')
      .set('Authorization', other)
      .expect(200);
    expect(sites.body.items).toEqual([]);
  });

  it('documents every route, marks goal labels and report sources as personal data', () => {
    const schemas = e2e.openApi.components!.schemas as Record<
      string,
      { properties: Record<string, Record<string, unknown>> }
    >;
    expect(schemas.PlanGoalDto.properties.label).toMatchObject({ 'x-personal-data': true });
    expect(schemas.ReportPilotOutcomeDto.properties.source).toMatchObject({ 'x-personal-data': true });
    const documented = Object.entries(e2e.openApi.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{([^}]+)\}/g, ':$1')}`),
    );
    const routes = e2e.app
      .get(RouteCatalogue)
      .routes()
      .filter((r) => r.path.includes('/pilot'));
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
      documented.filter((d) => d.includes('/pilot')).sort(),
    );
    expect(routes).toHaveLength(20);
  });

  it('walks every pilot route with every role: access as declared, refused writes change nothing', async () => {
    const routes = e2e.app
      .get(RouteCatalogue)
      .routes()
      .filter((r) => r.path.includes('/pilot'));
    expect(e2e.app.get(RouteCatalogue).violations()).toEqual([]);
    const callers: WalkCaller[] = [
      { name: 'anonymous' },
      ...ROLES.filter((r) => !(TENANT_ROLES as readonly string[]).includes(r)).map((role) => ({
        name: role,
        role,
        token: e2e.token(role),
      })),
      ...TENANT_ROLES.map((role) => ({
        name: `${role} of mr1`,
        role,
        tenantId: 'mr1',
        token: e2e.token(role, 'mr1', { voivodeships: ['podkarpackie'] }),
      })),
    ];
    const problems = await walkRoutes(e2e.app, routes, callers, {
      ownTenant: 'mr1',
      otherTenant: 'mr2',
      snapshot: () => e2e.eventCount(),
    });
    expect(problems).toEqual([]);
  }, 120_000);
});
