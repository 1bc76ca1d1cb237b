import fc from 'fast-check';
import request from 'supertest';
import { TENANT_ROLES, type Role } from '@kooperacja/platform';
import { startE2eApp, type E2eApp } from '../testing/e2e-app';
import { badBodies, writeEndpoints, type OpenApiDocument, type WriteEndpoint } from './openapi-arbitraries';

/** Runs per write endpoint; `BAD_INPUT_RUNS=200` for a deeper search than CI's. */
const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 20);
const SEED = process.env.BAD_INPUT_SEED ? Number(process.env.BAD_INPUT_SEED) : undefined;

jest.setTimeout(240_000);

/**
 * Every write endpoint of the OpenAPI document, called by a role it allows with generated
 * hostile bodies: never a 5xx; every refusal is JSON naming the problem; the event store changes
 * only when the answer is 2xx.
 */
describe('bad input on every write endpoint', () => {
  let e2e: E2eApp;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    e2e = await startE2eApp();
    doc = (await request(e2e.app.getHttpServer()).get('/api/docs-json').expect(200)).body as OpenApiDocument;
  });
  afterAll(() => e2e?.close());

  function caller(endpoint: WriteEndpoint): { token: string; tenant?: string } {
    const role = (endpoint.roles.find((r) => (TENANT_ROLES as readonly string[]).includes(r)) ??
      endpoint.roles[0]) as Role;
    const tenant = (TENANT_ROLES as readonly string[]).includes(role) ? 'mr1' : undefined;
    // An editor may write in its voivodeships only; give it those of macroregion I.
    return {
      token: e2e.token(role, tenant, { voivodeships: ['podkarpackie', 'lubelskie', 'podlaskie'] }),
      tenant,
    };
  }

  it('finds the write endpoints in the document', () => {
    const endpoints = writeEndpoints(doc);
    expect(endpoints.length).toBeGreaterThan(10);
    expect(endpoints.every((e) => e.roles.length > 0)).toBe(true);
  });

  it('answers every generated body with 2xx or a JSON 4xx naming the problem, and writes only on 2xx', async () => {
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    for (const endpoint of writeEndpoints(doc)) {
      const { token, tenant } = caller(endpoint);
      await fc
        .assert(
          fc.asyncProperty(badBodies(doc, endpoint.body), fc.uuid(), async (body, id) => {
            const path = endpoint.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) =>
              name === 'tenantId' && tenant ? tenant : String(endpoint.examples[name] ?? id),
            );
            const before = await e2e.eventCount();
            const agent = request(e2e.app.getHttpServer());
            let req = agent[endpoint.method](path)
              .set('Authorization', `Bearer ${token}`)
              .set('Content-Type', 'application/json');
            req = body.raw !== undefined ? req.send(body.raw) : req.send(JSON.stringify(body.value));
            const res = await req;
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            const after = await e2e.eventCount();
            const label = `${endpoint.method.toUpperCase()} ${endpoint.path} with ${body.kind}`;
            const fail = (what: string) => {
              problems.push(`${label}: ${what} (${res.status} ${JSON.stringify(res.body).slice(0, 300)})`);
              return false;
            };
            if (res.status >= 500) return fail('server error');
            if (res.status >= 300 && after !== before) return fail(`refused, yet ${after - before} events written`);
            if (res.status >= 400) {
              if (!/application\/json/.test(res.headers['content-type'] ?? '')) return fail('error is not JSON');
              const b = res.body as { statusCode?: number; message?: unknown; errors?: { field: string }[] };
              if (b.statusCode !== res.status || typeof b.message !== 'string' || !b.message) {
                return fail('error body without statusCode and message');
              }
              if (res.status === 400 && b.message === 'validation failed' && !b.errors?.every((e) => e.field)) {
                return fail('validation error without the fields at fault');
              }
            }
            return true;
          }),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        )
        .catch((error: Error) => {
          // The problems list says what failed, for every endpoint at once; this, how to replay it.
          const seed = /seed: (-?\d+)/.exec(error.message)?.[1];
          problems.push(`${endpoint.method.toUpperCase()} ${endpoint.path}: replay with BAD_INPUT_SEED=${seed}`);
        });
    }
    if (process.env.BAD_INPUT_DEBUG) console.warn('statuses', [...statuses]);
    expect(problems).toEqual([]);
    // The generators must reach past validation too, or they test nothing but the pipe.
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([400, 413]));
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
  });

  it('answers an oversized body 413, an unknown route 404 and a non-JSON write 415, all as JSON', async () => {
    const server = e2e.app.getHttpServer();
    const endpoint = writeEndpoints(doc).find((e) => e.path.includes(':tenantId') && e.method === 'post')!;
    const { token } = caller(endpoint);
    const path = endpoint.path.replace(':tenantId', 'mr1').replace(/:[A-Za-z0-9_]+/g, crypto.randomUUID());
    const before = await e2e.eventCount();
    const big = await request(server)
      .post(path)
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ name: 'ą'.repeat(1_000_000) }));
    expect([big.status, big.body.code]).toEqual([413, 'body.too_large']);
    const text = await request(server)
      .post(path)
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'text/plain')
      .send('name=x');
    expect([text.status, text.body.code]).toEqual([415, 'body.content_type']);
    const form = await request(server)
      .post(path)
      .set('Authorization', `Bearer ${token}`)
      .type('form')
      .send({ name: 'x' });
    expect(form.status).toBe(415);
    for (const method of ['get', 'post', 'delete'] as const) {
      const agent = request(server);
      const missing = await agent[method]('/api/v1/tenants/mr1/no-such-thing').set('Authorization', `Bearer ${token}`);
      expect([missing.status, missing.body.statusCode]).toEqual([404, 404]);
    }
    expect(await e2e.eventCount()).toBe(before);
  });
});
