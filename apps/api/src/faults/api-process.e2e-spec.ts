import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Pool } from 'pg';
import { allMigrations } from '@kooperacja/composition';
import { createPool, loadOrCreateDevKeys, signDevToken } from '@kooperacja/platform';
import { createTestDatabase, eventually, type TestDatabase } from '@kooperacja/platform/testing';
import { e2eEnv } from '../testing/e2e-app';
import { PARTNERSHIP, partnerNo } from '../testing/programme-fixtures';
import { buildOnce } from './build-once';
import { killIfRunning, startChild, type Child } from './child-process';

jest.setTimeout(180_000);

const REPO_ROOT = resolve(__dirname, '../../../..');
const API = join(REPO_ROOT, 'dist/apps/api/src/main.js');
// Personal data the test sends; none of it may reach a log line.
const PERSON = { fullName: 'Bożydar Źdźbłowski-Testowy', email: 'bozydar.zdzblowski@ops-test.example.pl' };
const PHONE = '+48 58 987 65 43';

/**
 * The API as its own process (the build in dist/, as deployed): SIGTERM while requests are in
 * flight drains them and exits 0; the JSON logs of the whole run carry request ids, tenant and
 * actor, and no token, password, connection string or personal data.
 */
describe('the API process: graceful shutdown and its logs', () => {
  let db: TestDatabase;
  let owner: Pool;
  let child: Child;
  const logs = () => child.output();
  let base = '';
  const dir = mkdtempSync(join(tmpdir(), 'kooperacja-api-process-'));
  const keys = loadOrCreateDevKeys(join(dir, 'keys'));
  const token = (role: 'tenant-admin' | 'tenant-editor', sub: string) =>
    signDevToken(keys, {
      sub,
      role,
      tenant: 'mr2',
      issuer: 'kooperacja-dev',
      audience: 'kooperacja-api',
      ttlSeconds: 600,
    });

  beforeAll(async () => {
    await buildOnce();
    db = await createTestDatabase(allMigrations());
    owner = createPool(db.url, { max: 2 });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = startChild(API, {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      PORT: String(port),
      HOST: '127.0.0.1',
      ...e2eEnv(db, dir),
      KAFKA_BROKERS: '',
      SHUTDOWN_GRACE_MS: '3000',
    });
    await eventually(
      async () => {
        expect(child.process.exitCode).toBeNull();
        expect((await fetch(`${base}/health`)).status).toBe(200);
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\napi output:\n${logs()}`);
    });
  });
  afterAll(async () => {
    killIfRunning(child);
    await owner?.end();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const admin = () => token('tenant-admin', 'ewa-admin');
  const send = (method: string, path: string, body?: unknown, auth = admin(), headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${auth}`,
        'X-Correlation-Id': 'corr-process-1',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('works like the in-process app: records a group with a member, refuses bad tokens', async () => {
    const convened = await send('POST', '/api/v1/tenants/mr2/groups', {
      occurredAt: '2019-03-14',
      kind: 'PGR',
      level: 'powiat',
      territory: '2205',
      name: 'PGR powiatu kartuskiego',
    });
    expect(convened.status).toBe(201);
    const { streamId } = (await convened.json()) as { streamId: string };
    const groupId = streamId
      .split('.')
      .pop()!
      .replace(/^group-/, '');
    const joined = await send('POST', `/api/v1/tenants/mr2/groups/${groupId}/members`, {
      occurredAt: '2019-03-20',
      ...PERSON,
      phone: PHONE,
      institution: 'MGOPS Kartuzy',
      sector: 'social-assistance',
      role: 'member',
    });
    expect(joined.status).toBe(201);
    expect((await send('GET', '/api/v1/me', undefined, 'not-a-token')).status).toBe(401);
    expect((await send('GET', '/api/v1/me', undefined, `${admin()}x`)).status).toBe(401);
    const bad = await send('POST', `/api/v1/tenants/mr2/groups/${groupId}/members`, {
      ...PERSON,
      occurredAt: 'not a date',
      role: 'member',
    });
    expect(bad.status).toBe(400);
  });

  it('drains the requests in flight on SIGTERM, commits them, and exits 0', async () => {
    const established = await send('POST', '/api/v1/tenants/mr2/programme/partnership', PARTNERSHIP);
    expect(established.status).toBe(201);
    const before = await eventCount();
    const inFlight = Array.from({ length: 24 }, (_, i) =>
      send(
        'POST',
        '/api/v1/tenants/mr2/programme/partners',
        {
          partner: partnerNo(i),
          occurredAt: '2019-05-01',
        },
        admin(),
        { 'Idempotency-Key': `drain-${i}` },
      ).then(
        async (res) => ({ status: res.status, body: (await res.json()) as { eventIds?: string[] } }),
        (error: Error) => ({ status: 0, body: { error: String(error.cause ?? error) } }),
      ),
    );
    await new Promise((r) => setTimeout(r, 30)); // all sent, most still being handled
    child.process.kill('SIGTERM');
    // While it drains: not ready any more, yet still answering.
    await eventually(async () => expect((await fetch(`${base}/health/ready`)).status).toBe(503));
    const results = await Promise.all(inFlight);
    const code = await child.exited();
    expect(code).toBe(0);
    expect(logs()).toContain('SIGTERM: draining');
    // Every request sent before SIGTERM got its answer: none cut off, none a server error.
    expect(results.filter((r) => ![201, 409].includes(r.status))).toEqual([]);
    const accepted = results.filter((r) => r.status === 201);
    expect(accepted.length).toBeGreaterThan(0);
    expect(await eventCount()).toBe(before + accepted.length);
    // Nothing left half-done: no idempotency claim still running.
    expect((await owner.query(`SELECT 1 FROM http_idempotency WHERE completed_at IS NULL`)).rows).toEqual([]);
  });

  it('logged JSON lines with request id, correlation, tenant and actor, and no secret or personal data', () => {
    const lines = logs()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const requests = lines.filter((l) => l.msg === 'request completed');
    expect(requests.length).toBeGreaterThan(20);
    for (const line of requests)
      expect(line).toMatchObject({ requestId: expect.any(String), route: expect.any(String) });
    expect(requests.filter((l) => l.correlationId === 'corr-process-1').length).toBeGreaterThan(20);
    expect(requests).toContainEqual(
      expect.objectContaining({ tenant: 'mr2', actor: 'ewa-admin', route: '/api/v1/tenants/:tenantId/groups' }),
    );

    const secrets = [
      admin().split('.')[2], // a token's signature
      'Bearer ey',
      'eyJ', // any JWT segment
      (keys.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string).split('\n')[1],
      'PRIVATE KEY',
      db.url,
      db.appUrl,
      'postgres://',
      'password',
    ];
    const personal = [PERSON.fullName, 'Źdźbłowski', PERSON.email, 'ops-test.example.pl', PHONE, '987 65 43'];
    const found = [...secrets, ...personal].filter((s) => s && logs().includes(s));
    expect(found).toEqual([]);
  });

  async function eventCount(): Promise<number> {
    const { rows } = await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM es_events');
    return rows[0].n;
  }
});

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}
