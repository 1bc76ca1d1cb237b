import { readinessFrom } from '../health/readiness';
import { requestLogFields, routePattern, serializeRequest } from '../logging/log-fields';
import type { PlatformRequest } from '../auth/request-context';
import { commandOutcome } from './metrics';

describe('command outcomes in the metrics', () => {
  it('tells accepted, replayed, refused, conflicting, unavailable and failed commands apart', () => {
    expect([201, 200, 204].map((s) => commandOutcome(s, false))).toEqual(['accepted', 'accepted', 'accepted']);
    expect(commandOutcome(201, true)).toBe('replayed');
    expect([400, 403, 404, 413, 422].map((s) => commandOutcome(s, false))).toEqual(Array(5).fill('refused'));
    expect(commandOutcome(409, false)).toBe('conflict');
    expect(commandOutcome(503, false)).toBe('unavailable');
    expect(commandOutcome(500, false)).toBe('failed');
  });
});

describe('request log fields', () => {
  const req = {
    requestId: 'r-1',
    correlationId: 'c-1',
    route: { path: '/api/v1/tenants/:tenantId/groups' },
    context: { tenantId: 'mr1', actor: { sub: 'ewa', role: 'tenant-admin' } },
  } as unknown as PlatformRequest;

  it('binds the ids at the start, and the caller and route pattern once the response is sent', () => {
    expect(requestLogFields(req, { writableEnded: false } as never)).toEqual({
      requestId: 'r-1',
      correlationId: 'c-1',
    });
    expect(requestLogFields(req, { writableEnded: true } as never)).toEqual({
      tenant: 'mr1',
      actor: 'ewa',
      role: 'tenant-admin',
      route: '/api/v1/tenants/:tenantId/groups',
    });
  });

  it('calls a path no route matched "unmatched", never the raw path', () => {
    expect(routePattern({ route: { path: '/{*path}' } })).toBe('unmatched');
    expect(routePattern({})).toBe('unmatched');
  });

  it('logs method and path of a request, never its headers, query or body', () => {
    const logged = serializeRequest({
      method: 'POST',
      url: '/api/v1/tenants/mr1/groups?name=Anna%20Kowalska',
      headers: { authorization: 'Bearer secret', cookie: 'sid=1', 'user-agent': 'curl' },
      body: { fullName: 'Anna Kowalska' },
    } as never);
    expect(logged).toEqual({
      method: 'POST',
      path: '/api/v1/tenants/mr1/groups',
      userAgent: 'curl',
      contentLength: undefined,
    });
  });
});

describe('readiness settings', () => {
  it('reads brokers, the lag threshold and the timeout, and refuses nonsense', () => {
    expect(readinessFrom({})).toEqual({ kafkaBrokers: [], maxLagSeconds: 300, timeoutMs: 3000 });
    expect(readinessFrom({ KAFKA_BROKERS: 'a:1, b:2', READY_MAX_LAG_SECONDS: '30', READY_TIMEOUT_MS: '500' })).toEqual({
      kafkaBrokers: ['a:1', 'b:2'],
      maxLagSeconds: 30,
      timeoutMs: 500,
    });
    expect(() => readinessFrom({ READY_MAX_LAG_SECONDS: 'soon' })).toThrow(/READY_MAX_LAG_SECONDS/);
  });
});
