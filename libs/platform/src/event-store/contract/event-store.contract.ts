import { randomUUID } from 'node:crypto';
import {
  ALL_TENANTS,
  type EventMetadata,
  type EventStore,
  type EventToAppend,
  type RecordedEvent,
} from '../event-store.port';
import { IdempotencyConflictError, TenantRequiredError, WrongExpectedRevisionError } from '../errors';
import { CatchUpSubscription } from '../subscription';
import { comparePositions, type Position } from '../position';

export interface ContractFixture {
  readonly store: EventStore;
  /** Called once after the suite. */
  teardown(): Promise<void>;
}

function meta(tenantId: string, extra: Partial<EventMetadata> = {}): EventMetadata {
  const commandId = randomUUID();
  return {
    tenantId,
    commandId,
    correlationId: commandId,
    causationId: commandId,
    actor: { sub: 'contract-suite', role: 'tenant-admin', tenantId },
    occurredAt: '2019-03-14',
    schemaVersion: 1,
    ...extra,
  };
}

function event(tenantId: string, type = 'test.Happened.v1', data: unknown = { n: 1 }): EventToAppend {
  return { id: randomUUID(), type, data, metadata: meta(tenantId) };
}

/**
 * The behaviour every event-store adapter must have. Each adapter's spec calls this with a
 * factory; streams get unique ids so the suite needs no clean database between tests.
 */
export function eventStoreContract(adapterName: string, setup: () => Promise<ContractFixture>): void {
  describe(`event store contract: ${adapterName}`, () => {
    let fixture: ContractFixture;
    let store: EventStore;
    const tenant = `t${randomUUID().slice(0, 8)}`;
    const otherTenant = `u${randomUUID().slice(0, 8)}`;
    const stream = (name: string) => `${name}-${randomUUID()}`;

    beforeAll(async () => {
      fixture = await setup();
      store = fixture.store;
    });
    afterAll(async () => fixture?.teardown());

    describe('append and read a stream', () => {
      it('stores events with 0-based revisions, metadata and a record time', async () => {
        const s = stream('group');
        const events = [event(tenant, 'groups.GroupConvened.v1', { name: 'PGR' }), event(tenant)];
        const before = Date.now();
        const result = await store.append(tenant, s, events, 'no_stream');
        expect(result).toMatchObject({ nextExpectedRevision: 1, idempotent: false });

        const read = await store.readStream(tenant, s);
        expect(read.map((e) => [e.revision, e.id, e.type])).toEqual([
          [0, events[0].id, 'groups.GroupConvened.v1'],
          [1, events[1].id, 'test.Happened.v1'],
        ]);
        expect(read[0].data).toEqual({ name: 'PGR' });
        expect(read[0].metadata).toEqual(events[0].metadata);
        expect(read[0].tenantId).toBe(tenant);
        expect(read[0].recordedAt.getTime()).toBeGreaterThanOrEqual(before - 5_000);
        expect(comparePositions(read[1].position, result.position)).toBe(0);
      });

      it('reads backwards, from a revision, and with a limit', async () => {
        const s = stream('paging');
        await store.append(
          tenant,
          s,
          [0, 1, 2, 3, 4].map((n) => event(tenant, 't.E.v1', { n })),
          'no_stream',
        );
        const back = await store.readStream(tenant, s, { direction: 'backwards', limit: 2 });
        expect(back.map((e) => e.revision)).toEqual([4, 3]);
        const from = await store.readStream(tenant, s, { fromRevision: 3 });
        expect(from.map((e) => e.revision)).toEqual([3, 4]);
        const backFrom = await store.readStream(tenant, s, { direction: 'backwards', fromRevision: 1 });
        expect(backFrom.map((e) => e.revision)).toEqual([1, 0]);
      });

      it('reads an unknown stream as empty', async () => {
        expect(await store.readStream(tenant, stream('nothing'))).toEqual([]);
      });

      it('round-trips Polish text and a 1 MB event', async () => {
        const s = stream('large');
        const polish = 'Zażółć gęślą jaźń — Dzierzgoń, Żukowo, Świętokrzyskie „cudzysłów” ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ';
        const big = 'ż'.repeat(512 * 1024); // 1 MiB of UTF-8
        await store.append(tenant, s, [event(tenant, 't.Big.v1', { polish, big })], 'no_stream');
        const [read] = await store.readStream(tenant, s);
        expect((read.data as { polish: string }).polish).toBe(polish);
        expect((read.data as { big: string }).big).toBe(big);
      });
    });

    describe('expected revision', () => {
      it('no_stream fails on an existing stream, with the actual revision', async () => {
        const s = stream('exists');
        await store.append(tenant, s, [event(tenant), event(tenant)], 'no_stream');
        const error = await store.append(tenant, s, [event(tenant)], 'no_stream').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ streamId: s, expected: 'no_stream', actual: 1 });
      });

      it('stream_exists fails on a missing stream and passes on an existing one', async () => {
        const s = stream('missing');
        const error = await store.append(tenant, s, [event(tenant)], 'stream_exists').catch((e: unknown) => e);
        expect(error).toMatchObject({ name: 'WrongExpectedRevisionError', actual: 'no_stream' });
        await store.append(tenant, s, [event(tenant)], 'any');
        await expect(store.append(tenant, s, [event(tenant)], 'stream_exists')).resolves.toMatchObject({
          nextExpectedRevision: 1,
        });
      });

      it('an exact revision must match, and a refused append writes nothing', async () => {
        const s = stream('exact');
        await store.append(tenant, s, [event(tenant)], 'no_stream');
        const error = await store.append(tenant, s, [event(tenant)], 5).catch((e: unknown) => e);
        expect(error).toMatchObject({ expected: 5, actual: 0 });
        await store.append(tenant, s, [event(tenant)], 0);
        expect((await store.readStream(tenant, s)).length).toBe(2);
      });

      it('16 writers racing on one stream: exactly one wins each revision, nothing lost or doubled', async () => {
        const s = stream('race');
        await store.append(tenant, s, [event(tenant, 't.Start.v1')], 'no_stream');
        const accepted: string[] = [];
        let conflicts = 0;
        await Promise.all(
          Array.from({ length: 16 }, async (_, writer) => {
            for (let i = 0; i < 5; i++) {
              for (;;) {
                const [last] = await store.readStream(tenant, s, { direction: 'backwards', limit: 1 });
                const e = event(tenant, 't.Raced.v1', { writer, i });
                try {
                  await store.append(tenant, s, [e], last.revision);
                  accepted.push(e.id);
                  break;
                } catch (error) {
                  if (!(error instanceof WrongExpectedRevisionError)) throw error;
                  conflicts++;
                }
              }
            }
          }),
        );
        const all = await store.readStream(tenant, s);
        expect(all.map((e) => e.revision)).toEqual(Array.from({ length: 81 }, (_, i) => i));
        expect(new Set(all.slice(1).map((e) => e.id))).toEqual(new Set(accepted));
        expect(accepted).toHaveLength(80);
        expect(conflicts).toBeGreaterThan(0);
      });
    });

    describe('idempotent append', () => {
      it('appending the same event ids again succeeds without writing', async () => {
        const s = stream('retry');
        const events = [event(tenant), event(tenant)];
        const first = await store.append(tenant, s, events, 'no_stream');
        const again = await store.append(tenant, s, events, 'no_stream');
        expect(again.idempotent).toBe(true);
        expect(again.nextExpectedRevision).toBe(first.nextExpectedRevision);
        expect(await store.readStream(tenant, s)).toHaveLength(2);
      });

      it('a batch mixing stored and new ids is refused and writes nothing', async () => {
        const s = stream('partial');
        const stored = event(tenant);
        await store.append(tenant, s, [stored], 'no_stream');
        const error = await store.append(tenant, s, [stored, event(tenant)], 'any').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(IdempotencyConflictError);
        expect(await store.readStream(tenant, s)).toHaveLength(1);
      });
    });

    describe('tenants', () => {
      it('refuses a call without a valid tenant', async () => {
        await expect(store.append('', stream('x'), [event(tenant)], 'any')).rejects.toBeInstanceOf(TenantRequiredError);
        await expect(store.readStream(undefined as unknown as string, 'x')).rejects.toBeInstanceOf(TenantRequiredError);
        await expect(store.readAll({ tenant: undefined as unknown as string })).rejects.toBeInstanceOf(
          TenantRequiredError,
        );
      });

      it('keeps streams of the same name apart and never returns another tenant’s events', async () => {
        const s = stream('shared-name');
        await store.append(tenant, s, [event(tenant, 't.Mine.v1')], 'no_stream');
        await store.append(otherTenant, s, [event(otherTenant, 't.Theirs.v1')], 'no_stream');
        expect((await store.readStream(tenant, s)).map((e) => e.type)).toEqual(['t.Mine.v1']);
        expect((await store.readStream(otherTenant, s)).map((e) => e.type)).toEqual(['t.Theirs.v1']);

        const mine = await readEverything(store, tenant);
        expect(mine.length).toBeGreaterThan(0);
        expect(mine.every((e) => e.tenantId === tenant)).toBe(true);
        const everyone = await readEverything(store, ALL_TENANTS);
        expect([...new Set(everyone.map((e) => e.tenantId))]).toEqual(expect.arrayContaining([tenant, otherTenant]));
      });

      it('refuses events whose metadata names another tenant', async () => {
        await expect(store.append(tenant, stream('mixed'), [event(otherTenant)], 'any')).rejects.toThrow(/tenantId/);
      });
    });

    describe('global order', () => {
      it('filters by event type prefix', async () => {
        const t = `f${randomUUID().slice(0, 8)}`;
        await store.append(
          t,
          stream('a'),
          [event(t, 'groups.MemberJoined.v1'), event(t, 'decisions.Adopted.v1')],
          'any',
        );
        const groups = await readEverything(store, t, ['groups.']);
        expect(groups.map((e) => e.type)).toEqual(['groups.MemberJoined.v1']);
      });

      it('a reader racing concurrent writers sees every event exactly once, in order', async () => {
        const t = `r${randomUUID().slice(0, 8)}`;
        const seen: RecordedEvent[] = [];
        const subscription = new CatchUpSubscription(store, {
          tenant: t,
          batchSize: 37,
          pollIntervalMs: 5,
          handle: async (batch) => {
            seen.push(...batch);
          },
        }).start();
        const writers = 8;
        const perWriter = 40;
        await Promise.all(
          Array.from({ length: writers }, async (_, w) => {
            for (let i = 0; i < perWriter; i++) {
              const batch = Array.from({ length: 1 + (i % 3) }, (_, k) => event(t, 't.Seq.v1', { w, i, k }));
              await store.append(t, `writer-${w}`, batch, 'any');
            }
          }),
        );
        const expected = writers * Array.from({ length: perWriter }, (_, i) => 1 + (i % 3)).reduce((a, b) => a + b);
        const deadline = Date.now() + 15_000;
        while (seen.length < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        await subscription.stop();

        expect(seen).toHaveLength(expected);
        expect(new Set(seen.map((e) => e.id)).size).toBe(expected);
        for (let i = 1; i < seen.length; i++) {
          expect(comparePositions(seen[i - 1].position, seen[i].position)).toBe(-1);
        }
        const lastRevision = new Map<string, number>();
        for (const e of seen) {
          expect(e.revision).toBe((lastRevision.get(e.streamId) ?? -1) + 1);
          lastRevision.set(e.streamId, e.revision);
        }
        const head = await store.headPosition(t);
        expect(head && comparePositions(head, seen[seen.length - 1].position)).toBe(0);
      });
    });
  });
}

async function readEverything(store: EventStore, tenant: string | typeof ALL_TENANTS, prefixes?: string[]) {
  const out: RecordedEvent[] = [];
  let after: Position | undefined;
  for (;;) {
    const batch = await store.readAll({ tenant, after, eventTypePrefixes: prefixes, limit: 100 });
    out.push(...batch);
    if (batch.length < 100) return out;
    after = batch[batch.length - 1].position;
  }
}
