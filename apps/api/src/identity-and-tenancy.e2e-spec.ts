import { readFileSync } from 'node:fs';
import request from 'supertest';
import { PostgresEventStore, signDevToken, type EventToAppend } from '@kooperacja/platform';
import { startE2eApp, type E2eApp } from './testing/e2e-app';

// The project-level testTimeout is not applied by Jest; database setup under load needs more than 5 s.
jest.setTimeout(60_000);

function event(tenantId: string, sub: string, n: number): EventToAppend {
  return {
    id: crypto.randomUUID(),
    type: 'groups.MeetingHeld.v1',
    data: { attendees: ['Anna Kowalska'], n },
    metadata: {
      tenantId,
      commandId: crypto.randomUUID(),
      correlationId: 'corr-1',
      causationId: crypto.randomUUID(),
      actor: { sub, role: 'tenant-editor', tenantId },
      occurredAt: `2019-0${n}-15`,
      schemaVersion: 1,
    },
  };
}

describe('identity, tenancy and the audit trail over HTTP', () => {
  let e2e: E2eApp;
  const server = () => e2e.app.getHttpServer();
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    e2e = await startE2eApp({ CORS_ORIGINS: 'https://panel.kooperacja.example' });
    const store = new PostgresEventStore(e2e.owner);
    for (let n = 1; n <= 3; n++) await store.append('mr1', `groups.group-${n}`, [event('mr1', 'ewa', n)], 'no_stream');
    await store.append('mr2', 'groups.group-9', [event('mr2', 'jan', 4)], 'no_stream');
  });
  afterAll(() => e2e.close());

  describe('who am I', () => {
    it('tells a caller what its token grants', async () => {
      const res = await request(server())
        .get('/api/v1/me')
        .set(as(e2e.token('tenant-editor', 'mr2', { sub: 'u-42', voivodeships: ['pomorskie', 'śląskie'] })))
        .expect(200);
      expect(res.body).toEqual({ sub: 'u-42', role: 'tenant-editor', tenantId: 'mr2', voivodeships: ['pomorskie'] });
    });

    it('says why a token was refused, with a Bearer challenge', async () => {
      const expired = signDevToken(e2e.keys, {
        sub: 'u',
        role: 'tenant-admin',
        tenant: 'mr1',
        issuer: e2e.config.auth.issuer,
        audience: e2e.config.auth.audience,
        iat: Math.floor(Date.now() / 1000) - 7200,
        ttlSeconds: 60,
      });
      const res = await request(server()).get('/api/v1/me').set(as(expired)).expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, reason: 'expired' });
      expect(res.headers['www-authenticate']).toBe('Bearer realm="kooperacja", error="invalid_token"');
    });

    it("shows a tenant's users their own tenant", async () => {
      const res = await request(server())
        .get('/api/v1/tenants/mr3')
        .set(as(e2e.token('tenant-viewer', 'mr3')))
        .expect(200);
      expect(res.body).toEqual({
        id: 'mr3',
        name: 'Makroregion III',
        nameEn: 'Macroregion III',
        municipalityType: 'urban',
        voivodeships: ['śląskie', 'łódzkie', 'małopolskie', 'opolskie'],
        status: 'active',
      });
    });
  });

  describe('audit trail', () => {
    it('pages through who recorded what in the own tenant, without event data', async () => {
      const admin = as(e2e.token('tenant-admin', 'mr1'));
      const first = await request(server()).get('/api/v1/tenants/mr1/audit?limit=2').set(admin).expect(200);
      expect(first.body.items).toHaveLength(2);
      expect(first.body.items[0]).toEqual({
        position: expect.stringMatching(/^\d+\/\d+$/),
        type: 'groups.MeetingHeld.v1',
        streamId: 'groups.group-1',
        revision: 0,
        actor: { sub: 'ewa', role: 'tenant-editor' },
        occurredAt: '2019-01-15',
        recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        commandId: expect.any(String),
        correlationId: 'corr-1',
      });
      expect(JSON.stringify(first.body)).not.toContain('Kowalska');

      const second = await request(server())
        .get(`/api/v1/tenants/mr1/audit?limit=2&after=${encodeURIComponent(first.body.next)}`)
        .set(admin)
        .expect(200);
      expect(second.body.items.map((i: { streamId: string }) => i.streamId)).toEqual(['groups.group-3']);
      expect(second.body.next).toBeNull();
    });

    it('refuses bad paging with 400, and the audit to anyone but the admin', async () => {
      const admin = as(e2e.token('tenant-admin', 'mr1'));
      for (const query of ['after=abc', 'after=99999999999999999999/1', 'limit=0', 'limit=501', 'page=2']) {
        const res = await request(server()).get(`/api/v1/tenants/mr1/audit?${query}`).set(admin);
        expect([query, res.status]).toEqual([query, 400]);
      }
      await request(server())
        .get('/api/v1/tenants/mr1/audit')
        .set(as(e2e.token('tenant-viewer', 'mr1')))
        .expect(403);
      await request(server())
        .get('/api/v1/tenants/mr1/audit')
        .set(as(e2e.token('analyst')))
        .expect(404);
    });
  });

  describe('onboarding and offboarding', () => {
    const operator = () => as(e2e.token('platform-operator', undefined, { sub: 'ops-1' }));

    it('onboards a tenant whose users can then work, and refuses a second one with the same id', async () => {
      const body = {
        id: 'mr4',
        name: 'Makroregion IV',
        nameEn: 'Macroregion IV',
        municipalityType: 'urban',
        voivodeships: ['Dolnośląskie'],
      };
      const created = await request(server()).post('/api/v1/platform/tenants').set(operator()).send(body).expect(201);
      expect(created.body).toMatchObject({ id: 'mr4', voivodeships: ['dolnośląskie'], status: 'active' });
      await request(server())
        .get('/api/v1/tenants/mr4')
        .set(as(e2e.token('tenant-admin', 'mr4')))
        .expect(200);

      const again = await request(server()).post('/api/v1/platform/tenants').set(operator()).send(body);
      expect([again.status, again.body.code]).toEqual([409, 'tenant.exists']);
      const list = await request(server()).get('/api/v1/platform/tenants').set(operator()).expect(200);
      expect(list.body.items.map((t: { id: string }) => t.id)).toEqual(['mr1', 'mr2', 'mr3', 'mr4']);
    });

    it('refuses an onboarding with bad fields, saying which', async () => {
      const res = await request(server())
        .post('/api/v1/platform/tenants')
        .set(operator())
        .send({ id: 'MR5', name: 'x', nameEn: 'x', municipalityType: 'metropolis', voivodeships: [] });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'id',
        'municipalityType',
        'voivodeships',
      ]);
      const unknown = await request(server())
        .post('/api/v1/platform/tenants')
        .set(operator())
        .send({ id: 'mr5', name: 'x', nameEn: 'x', municipalityType: 'rural', voivodeships: ['bawaria'] });
      expect([unknown.status, unknown.body.errors]).toEqual([
        400,
        [{ field: 'voivodeships', reason: 'unknown voivodeship(s): bawaria' }],
      ]);
    });

    it('offboards after exporting: a dry run first, then export, delete, and its tokens refused', async () => {
      const store = new PostgresEventStore(e2e.owner);
      await store.append('mr4', 'groups.group-1', [event('mr4', 'zofia', 1), event('mr4', 'zofia', 2)], 'no_stream');
      await e2e.owner.query(
        `INSERT INTO http_idempotency (tenant_id, subject, idempotency_key, method, path, request_hash)
         VALUES ('mr4', 'zofia', 'k', 'POST', '/x', 'h')`,
      );
      const mr4Admin = as(e2e.token('tenant-admin', 'mr4'));
      const eventsBefore = await e2e.eventCount();

      await request(server()).post('/api/v1/platform/tenants/mr4/offboard').set(operator()).send({}).expect(400);
      const dry = await request(server())
        .post('/api/v1/platform/tenants/mr4/offboard')
        .set(operator())
        .send({ dryRun: true })
        .expect(200);
      expect(dry.body).toMatchObject({
        dryRun: true,
        found: { events: 2, readModelRows: { http_idempotency: 1 } },
        exportFile: null,
      });
      expect(await e2e.eventCount()).toBe(eventsBefore);
      await request(server()).get('/api/v1/tenants/mr4').set(mr4Admin).expect(200);

      const done = await request(server())
        .post('/api/v1/platform/tenants/mr4/offboard')
        .set(operator())
        .send({ dryRun: false })
        .expect(200);
      expect(done.body).toMatchObject({
        dryRun: false,
        exportedEvents: 2,
        deleted: { events: 2, readModelRows: { http_idempotency: 1 } },
        remainingEvents: 0,
      });
      const lines = readFileSync(done.body.exportFile, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines.map((l) => [l.tenantId, l.streamId, l.revision, l.data.n])).toEqual([
        ['mr4', 'groups.group-1', 0, 1],
        ['mr4', 'groups.group-1', 1, 2],
      ]);
      expect(await e2e.eventCount()).toBe(eventsBefore - 2);

      const refused = await request(server()).get('/api/v1/tenants/mr4').set(mr4Admin);
      expect([refused.status, refused.body.reason]).toEqual([401, 'tenant_offboarded']);
      const list = await request(server()).get('/api/v1/platform/tenants').set(operator()).expect(200);
      expect(list.body.items.find((t: { id: string }) => t.id === 'mr4').status).toBe('offboarded');
      const mr1 = await request(server())
        .get('/api/v1/tenants/mr1/audit')
        .set(as(e2e.token('tenant-admin', 'mr1')));
      expect(mr1.body.items).toHaveLength(3);
    });

    it('answers 404 for offboarding a tenant that does not exist', async () => {
      await request(server())
        .post('/api/v1/platform/tenants/mr77/offboard')
        .set(operator())
        .send({ dryRun: true })
        .expect(404);
      await request(server())
        .post('/api/v1/platform/tenants/NOT..valid/offboard')
        .set(operator())
        .send({ dryRun: true })
        .expect(404);
    });
  });

  describe('bad requests never reach a 500', () => {
    const admin = () => as(e2e.token('platform-operator'));

    it('answers malformed JSON with 400', async () => {
      const res = await request(server())
        .post('/api/v1/platform/tenants')
        .set(admin())
        .set('Content-Type', 'application/json')
        .send('{"id": "mr5",');
      expect([res.status, res.body.code, typeof res.body.requestId]).toEqual([400, 'body.malformed', 'string']);
    });

    it('answers a body over the limit with 413', async () => {
      const res = await request(server())
        .post('/api/v1/platform/tenants')
        .set(admin())
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ name: 'x'.repeat(1_100_000) }));
      expect([res.status, res.body.code]).toEqual([413, 'body.too_large']);
    });

    it('answers a write that is not JSON with 415', async () => {
      const form = await request(server())
        .post('/api/v1/platform/tenants')
        .set(admin())
        .type('form')
        .send({ id: 'mr5' });
      const text = await request(server()).post('/api/v1/platform/tenants').set(admin()).type('text').send('mr5');
      expect([form.status, text.status, form.body.code]).toEqual([415, 415, 'body.content_type']);
    });

    it('answers JSON that is not an object, and an unknown route, without a 500', async () => {
      for (const raw of ['[]', '"x"', 'null', '42', '{"id": {"$ne": 1}}']) {
        const res = await request(server())
          .post('/api/v1/platform/tenants')
          .set(admin())
          .set('Content-Type', 'application/json')
          .send(raw);
        expect([raw, res.status]).toEqual([raw, 400]);
      }
      const missing = await request(server()).get('/api/v1/nowhere').set(admin());
      expect([missing.status, missing.body.statusCode]).toEqual([404, 404]);
    });
  });

  describe('headers', () => {
    it('sends security headers and echoes request and correlation ids', async () => {
      const res = await request(server()).get('/health').set('X-Correlation-Id', 'trace-123').expect(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['x-correlation-id']).toBe('trace-123');
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('allows cross-origin calls from the configured origins only', async () => {
      const allowed = await request(server())
        .options('/api/v1/me')
        .set('Origin', 'https://panel.kooperacja.example')
        .set('Access-Control-Request-Method', 'GET')
        .set('Access-Control-Request-Headers', 'authorization');
      expect(allowed.headers['access-control-allow-origin']).toBe('https://panel.kooperacja.example');
      const other = await request(server())
        .options('/api/v1/me')
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', 'GET');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});

describe('rate limit per token', () => {
  let e2e: E2eApp;
  beforeAll(async () => {
    e2e = await startE2eApp({ RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => e2e.close());

  it('answers 429 with Retry-After past the limit, counting each subject apart', async () => {
    const busy = e2e.token('tenant-viewer', 'mr1', { sub: 'busy' });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await request(e2e.app.getHttpServer()).get('/api/v1/me').set('Authorization', `Bearer ${busy}`)).status,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await request(e2e.app.getHttpServer()).get('/api/v1/me').set('Authorization', `Bearer ${busy}`);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const calm = e2e.token('tenant-viewer', 'mr1', { sub: 'calm' });
    await request(e2e.app.getHttpServer()).get('/api/v1/me').set('Authorization', `Bearer ${calm}`).expect(200);
  });
});
