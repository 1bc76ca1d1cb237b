import request from 'supertest';
import { testBrokers } from '@kooperacja/platform/messaging/testing';
import { startE2eApp, type E2eApp } from './testing/e2e-app';
import { PARTNERSHIP } from './testing/programme-fixtures';

jest.setTimeout(90_000);

/** What an operator sees: liveness, readiness with its reasons, and Prometheus metrics. */
describe('health and metrics', () => {
  const brokers = testBrokers().join(',');

  describe('with the broker configured and up', () => {
    let e2e: E2eApp;
    beforeAll(async () => {
      e2e = await startE2eApp({ KAFKA_BROKERS: brokers });
    });
    afterAll(() => e2e?.close());
    const server = () => e2e.app.getHttpServer();

    it('is live without checking anything, and ready with database, event store, broker and lag', async () => {
      expect((await request(server()).get('/health').expect(200)).body).toMatchObject({ status: 'ok' });
      const ready = await request(server()).get('/health/ready').expect(200);
      expect(ready.body.details).toMatchObject({
        process: { status: 'up' },
        database: { status: 'up' },
        eventStore: { status: 'up' },
        broker: { status: 'up', configured: true },
        projections: { status: 'up', thresholdSeconds: 300 },
      });
    });

    it('counts requests by route and status, command outcomes, appends, and lag and backlog per tenant', async () => {
      const admin = `Bearer ${e2e.token('tenant-admin', 'mr2')}`;
      await request(server())
        .post('/api/v1/tenants/mr2/programme/partnership')
        .set('Authorization', admin)
        .send(PARTNERSHIP)
        .expect(201);
      await request(server())
        .post('/api/v1/tenants/mr2/programme/partnership')
        .set('Authorization', admin)
        .send(PARTNERSHIP)
        .expect(409);
      await request(server()).post('/api/v1/tenants/mr2/programme/partnership').send(PARTNERSHIP).expect(401);
      await request(server()).get('/api/v1/tenants/mr2/nothing-here').set('Authorization', admin).expect(404);
      // The relay has a checkpoint for mr2 that is behind: it shows as lag and backlog.
      await e2e.owner.query(
        `INSERT INTO projection_versions (projection, active_version, swapped_at) VALUES ('kafka-relay', 1, now())
         ON CONFLICT DO NOTHING`,
      );
      await e2e.owner.query(
        `INSERT INTO projection_checkpoints (projection, version, tenant_id) VALUES ('kafka-relay', 1, 'mr2')`,
      );

      const text = (await request(server()).get('/metrics').expect(200)).text;
      const route = '/api/v1/tenants/:tenantId/programme/partnership';
      expect(text).toContain(`kooperacja_http_requests_total{method="POST",route="${route}",status="201"} 1`);
      expect(text).toContain(`kooperacja_http_requests_total{method="POST",route="${route}",status="401"} 1`);
      expect(text).toContain(`kooperacja_http_requests_total{method="GET",route="unmatched",status="404"} 1`);
      expect(text).toMatch(
        new RegExp(
          `kooperacja_http_request_duration_seconds_count\\{method="POST",route="${route.replace(/[/:]/g, '\\$&')}"\\} 3`,
        ),
      );
      expect(text).toContain(`kooperacja_commands_total{route="${route}",outcome="accepted"} 1`);
      expect(text).toContain(`kooperacja_commands_total{route="${route}",outcome="conflict"} 1`);
      expect(text).toMatch(/kooperacja_event_store_appends_total 1\b/);
      expect(text).toMatch(/kooperacja_projection_lag_events\{projection="kafka-relay",tenant="mr2"\} 1\b/);
      expect(text).toMatch(/kooperacja_relay_backlog_events 1\b/);
      // No raw path, id or personal data in any label.
      expect(text).not.toMatch(/Toruniu|rops-torun|nothing-here/);
    });
  });

  describe('when something it needs is missing', () => {
    let e2e: E2eApp;
    const before = process.env.READY_MAX_LAG_SECONDS;
    beforeAll(async () => {
      process.env.READY_MAX_LAG_SECONDS = '0';
      e2e = await startE2eApp({ KAFKA_BROKERS: '127.0.0.1:1' });
    });
    afterAll(async () => {
      process.env.READY_MAX_LAG_SECONDS = before;
      if (before === undefined) delete process.env.READY_MAX_LAG_SECONDS;
      await e2e?.close();
    });

    it('stays live but is not ready, naming the broker and the lagging projection', async () => {
      const server = e2e.app.getHttpServer();
      await request(server)
        .post('/api/v1/tenants/mr2/programme/partnership')
        .set('Authorization', `Bearer ${e2e.token('tenant-admin', 'mr2')}`)
        .send(PARTNERSHIP)
        .expect(201);
      await e2e.owner.query(
        `INSERT INTO projection_checkpoints (projection, version, tenant_id)
         SELECT projection, active_version, 'mr2' FROM projection_versions WHERE projection = 'programme-overview'`,
      );
      await request(server).get('/health').expect(200);
      const ready = await request(server).get('/health/ready').expect(503);
      expect(ready.headers['retry-after']).toBeDefined();
      expect(ready.body.error).toMatchObject({
        broker: { status: 'down', configured: true },
        projections: { status: 'down', thresholdSeconds: 0, behind: ['programme-overview/mr2'] },
      });
      expect(ready.body.details.database).toMatchObject({ status: 'up' });
    });
  });
});
