import { generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import {
  ROLES,
  RouteCatalogue,
  TENANT_ROLES,
  appRoleName,
  signJwt,
  tablesWithoutTenantIsolation,
  type RouteAccess,
} from '@kooperacja/platform';
import { walkRoutes, type WalkCaller } from '@kooperacja/platform/testing';
import { startE2eApp, type E2eApp } from './testing/e2e-app';

// The project-level testTimeout is not applied by Jest; database setup under load needs more than 5 s.
jest.setTimeout(60_000);

/**
 * Every route the API serves, with every role, on its own tenant and on another: the status
 * each must get follows from the route's declared access, so a new route is covered the moment
 * it exists, and one that declares no access fails here.
 */
describe('access to every route', () => {
  let e2e: E2eApp;
  let routes: RouteAccess[];

  beforeAll(async () => {
    e2e = await startE2eApp();
    routes = e2e.app.get(RouteCatalogue).routes();
    // Some history in both tenants, so reads have something to return and writes something to spoil.
    for (const tenant of ['mr1', 'mr2']) {
      await e2e.owner.query(
        `INSERT INTO es_events (tenant_id, stream_id, stream_revision, event_id, event_type, data, metadata)
         VALUES ($1, 'walk-1', 0, gen_random_uuid(), 'walk.Seeded.v1', '{}', $2)`,
        [tenant, { tenantId: tenant, actor: { sub: 'seed', role: 'tenant-admin' }, occurredAt: '2019-01-01' }],
      );
    }
  });
  afterAll(() => e2e.close());

  function expressRoutes(): { method: string; path: string }[] {
    const router = (e2e.app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } }).router;
    return router.stack
      .filter((l) => l.route)
      .flatMap((l) => Object.keys(l.route!.methods).map((m) => ({ method: m.toUpperCase(), path: l.route!.path })));
  }

  it('finds the routes of the application', () => {
    const paths = routes.map((r) => `${r.method} ${r.path}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'GET /health',
        'GET /api/v1/me',
        'GET /api/v1/tenants/:tenantId/audit',
        'POST /api/v1/platform/tenants',
        'POST /api/v1/platform/tenants/:id/offboard',
      ]),
    );
  });

  it('has no route that escapes the catalogue: not in Express, not in the OpenAPI document', async () => {
    const known = new Set(routes.map((r) => `${r.method} ${r.path}`));
    const unlisted = expressRoutes()
      .filter((r) => !r.path.startsWith('/api/docs'))
      // Module middleware for every path (request logs, metrics) is mounted as a catch-all route.
      .filter((r) => r.path !== '/{*path}')
      .filter((r) => !known.has(`${r.method} ${r.path}`));
    expect(unlisted).toEqual([]);

    const doc = (await request(e2e.app.getHttpServer()).get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { 'x-roles'?: string[]; 'x-public'?: boolean }>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`),
    );
    expect(documented.filter((d) => !known.has(d))).toEqual([]);
    expect([...known].filter((k) => !documented.includes(k))).toEqual([]);
  });

  it('has every route declare its access, and tenant routes for tenant roles only', () => {
    expect(e2e.app.get(RouteCatalogue).violations()).toEqual([]);
  });

  it('answers every caller as the route declares, and refused writes change nothing', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const now = Math.floor(Date.now() / 1000);
    const forged = signJwt(
      { alg: 'ES256', typ: 'JWT', kid: e2e.keys.kid },
      {
        iss: e2e.config.auth.issuer,
        aud: e2e.config.auth.audience,
        sub: 'mallory',
        iat: now,
        exp: now + 600,
        roles: ['tenant-admin'],
        tenant: 'mr1',
      },
      privateKey,
    );
    const callers: WalkCaller[] = [
      { name: 'anonymous' },
      { name: 'a forged token', token: forged },
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
      snapshot: async () => ({
        events: await e2e.eventCount(),
        tenants: (await e2e.owner.query('SELECT id, status FROM tenants ORDER BY id')).rows,
      }),
    });
    expect(problems).toEqual([]);
    // Every route × every role × own/other tenant, one call at a time: minutes, not seconds.
  }, 600_000);

  it('isolates by tenant every table the application role can read, across all migrations', async () => {
    expect(await tablesWithoutTenantIsolation(e2e.owner, appRoleName())).toEqual([]);
  });

  it('answers a tenant that does not exist like another tenant: 404, nothing to enumerate', async () => {
    const server = e2e.app.getHttpServer();
    const admin = e2e.token('tenant-admin', 'mr1');
    const other = await request(server).get('/api/v1/tenants/mr2/audit').set('Authorization', `Bearer ${admin}`);
    const missing = await request(server).get('/api/v1/tenants/mr9/audit').set('Authorization', `Bearer ${admin}`);
    expect([other.status, missing.status]).toEqual([404, 404]);
    expect(omitRequestId(other.body)).toEqual(omitRequestId(missing.body));
  });
});

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

function omitRequestId(body: Record<string, unknown>) {
  const { requestId: _requestId, ...rest } = body;
  return rest;
}
