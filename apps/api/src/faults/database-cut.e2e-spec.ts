import request from 'supertest';
import { createPool } from '@kooperacja/platform';
import { eventually } from '@kooperacja/platform/testing';
import { startE2eApp, type E2eApp } from '../testing/e2e-app';
import { PARTNERSHIP, partnerNo } from '../testing/programme-fixtures';

jest.setTimeout(180_000);

const base = '/api/v1/tenants/mr2/programme';

interface Sent {
  readonly key: string;
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly retryAfter?: string;
}

/**
 * Faults of the database and of contention, through the whole API: connections cut under load,
 * and many writers on one aggregate.
 */
describe('the API under database faults and contention', () => {
  let e2e: E2eApp;
  const server = () => e2e.app.getHttpServer();
  const auth = () => `Bearer ${e2e.token('tenant-admin', 'mr2', { sub: 'ewa-admin' })}`;

  beforeAll(async () => {
    e2e = await startE2eApp();
    await request(server()).post(`${base}/partnership`).set('Authorization', auth()).send(PARTNERSHIP).expect(201);
  });
  afterAll(() => e2e?.close());

  const join = async (n: number, key: string, extra: object = {}): Promise<Sent> => {
    const res = await request(server())
      .post(`${base}/partners`)
      .set('Authorization', auth())
      .set('Idempotency-Key', key)
      .send({ partner: partnerNo(n), occurredAt: '2019-05-01', ...extra });
    return {
      key,
      status: res.status,
      body: res.body as Record<string, unknown>,
      retryAfter: res.headers['retry-after'],
    };
  };
  const joinedIds = async () => {
    const { rows } = await e2e.owner.query<{ id: string }>(
      `SELECT data->'partner'->>'partnerId' AS id FROM es_events
        WHERE tenant_id = 'mr2' AND stream_id = 'programme.project-main' AND event_type LIKE '%PartnerJoined%'`,
    );
    return rows.map((r) => r.id);
  };
  const partnersNow = async () =>
    (
      (await request(server()).get(base).set('Authorization', auth()).expect(200)).body as {
        project: { partners: { partnerId: string }[] };
      }
    ).project.partners.map((p) => p.partnerId);

  it('16 writers on one aggregate at once: every accepted command once, the refused ones 409', async () => {
    const sent = await Promise.all(Array.from({ length: 16 }, (_, i) => join(100 + i, `c-${i}`)));
    expect(sent.every((s) => s.status === 201 || s.status === 409)).toBe(true);
    const accepted = sent.filter((s) => s.status === 201).map((s) => `ops-${100 + Number(s.key.slice(2))}`);
    for (const refused of sent.filter((s) => s.status === 409)) {
      expect(refused.body).toMatchObject({ statusCode: 409, code: 'revision.conflict' });
    }
    expect(accepted.length).toBeGreaterThan(0);
    expect((await joinedIds()).sort()).toEqual(accepted.sort());
    expect((await partnersNow()).sort()).toEqual(['rops-torun', ...accepted].sort());

    // With the revision pinned by the client, exactly one of 16 wins.
    const { headers } = await request(server()).get(base).set('Authorization', auth()).expect(200);
    const revision = Number(String(headers.etag).replace(/"/g, ''));
    const pinned = await Promise.all(
      Array.from({ length: 16 }, (_, i) => join(200 + i, `p-${i}`, { expectedRevision: revision })),
    );
    expect(pinned.filter((s) => s.status === 201)).toHaveLength(1);
    expect(pinned.filter((s) => s.status === 409)).toHaveLength(15);
    for (const s of pinned.filter((x) => x.status === 409)) expect(s.body.currentRevision).toBe(revision + 1);
    expect(await joinedIds()).toHaveLength(accepted.length + 1);
  });

  it('connections cut under load: 503 with Retry-After, retries with the key land once, no restart needed', async () => {
    const killer = createPool(e2e.db.url, { max: 1, applicationName: 'kooperacja-test-killer' });
    const writers = 6;
    const perWriter = 12;
    const first: Sent[] = [];
    let cuts = 0;
    let loadDone = false;
    const cutting = (async () => {
      // Cut every connection of the API, again and again, until the load is over.
      while (!loadDone) {
        const { rowCount } = await killer.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = 'kooperacja-api' AND pid <> pg_backend_pid()`,
        );
        cuts += rowCount ?? 0;
        await new Promise((r) => setTimeout(r, 40));
      }
    })();
    // Each writer sends its own partners one after the other: one stream, so contention and cuts together.
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < perWriter; i++) first.push(await join(1000 + w * 100 + i, `k-${w}-${i}`));
      }),
    );
    loadDone = true;
    await cutting;
    await killer.end();

    expect(cuts).toBeGreaterThan(0);
    const statuses = [...new Set(first.map((s) => s.status))].sort();
    expect(statuses.every((s) => [201, 409, 503].includes(s))).toBe(true);
    const unavailable = first.filter((s) => s.status === 503);
    expect(unavailable.length).toBeGreaterThan(0); // the cuts did hit requests in flight
    for (const s of unavailable) {
      expect(s.retryAfter).toMatch(/^\d+$/);
      expect(s.body).toMatchObject({ statusCode: 503, code: 'store.unavailable', message: expect.any(String) });
    }

    // The caller retries whatever was not acknowledged, with the same key, until it is: 201, or
    // 200 `alreadyApplied` when the cut came after the command had landed (the claim was released).
    const acknowledgedNow = (s: (typeof first)[number]) =>
      s.status === 201 || (s.status === 200 && (s.body as { alreadyApplied?: boolean }).alreadyApplied === true);
    const final = new Map(first.map((s) => [s.key, s]));
    for (let round = 0; round < 20; round++) {
      const pending = [...final.values()].filter((s) => !acknowledgedNow(s));
      if (pending.length === 0) break;
      const wait = Math.max(...pending.map((s) => Number(s.retryAfter ?? 0)));
      if (round > 0 && wait > 0) await new Promise((r) => setTimeout(r, wait * 1000));
      for (const s of pending) {
        const [, w, i] = s.key.split('-').map(Number);
        final.set(s.key, await join(1000 + w * 100 + i, s.key));
      }
    }
    expect([...final.values()].filter((s) => !acknowledgedNow(s))).toEqual([]);

    // Every acknowledged command is in the store exactly once.
    const ids = (await joinedIds()).filter((id) => Number(id.slice(4)) >= 1000);
    expect(ids).toHaveLength(writers * perWriter);
    expect(new Set(ids).size).toBe(writers * perWriter);
    const acknowledged = first.filter((s) => s.status === 201);
    const { rows } = await e2e.owner.query<{ id: string }>(`SELECT event_id::text AS id FROM es_events`);
    const stored = new Set(rows.map((r) => r.id));
    for (const s of acknowledged) for (const id of s.body.eventIds as string[]) expect(stored.has(id)).toBe(true);

    // The same process serves on: ready again, and no claim of a key is left running.
    await eventually(async () => {
      await request(server()).get('/health/ready').expect(200);
    });
    const { rows: open } = await e2e.owner.query(`SELECT 1 FROM http_idempotency WHERE completed_at IS NULL`);
    expect(open).toEqual([]);
  });
});
