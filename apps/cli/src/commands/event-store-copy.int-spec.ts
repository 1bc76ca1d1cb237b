import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { createPool, PostgresEventStore, type EventToAppend, type RecordedEvent } from '@kooperacja/platform';
import { createTestDatabase, type TestDatabase } from '@kooperacja/platform/testing';
import { buildProgram } from '../main';

function event(tenantId: string, type: string, data: unknown): EventToAppend {
  const commandId = randomUUID();
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      tenantId,
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actor: { sub: 'editor-1', role: 'tenant-editor', tenantId },
      occurredAt: '2019-05-20',
      schemaVersion: 1,
      source: 'seed 003 — Powiatowa Grupa Refleksyjna, Dzierzgoń',
    },
  };
}

async function readTenant(store: PostgresEventStore, tenant: string): Promise<RecordedEvent[]> {
  await store.untilReadable(tenant); // other tests' open transactions on the server delay readers
  return store.readAll({ tenant, limit: 10_000 });
}

describe('cli event-store copy (PostgreSQL to PostgreSQL)', () => {
  let sourceDb: TestDatabase;
  let targetDb: TestDatabase;
  let sourcePool: Pool;
  let targetPool: Pool;
  let source: PostgresEventStore;
  let target: PostgresEventStore;
  let output: string[];

  async function copy(...args: string[]): Promise<string> {
    output = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void output.push(line));
    const progress = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await buildProgram()
        .exitOverride()
        .parseAsync(['node', 'cli', 'event-store', 'copy', '--from', 'postgres', '--to', 'postgres', ...args], {
          from: 'node',
        });
    } finally {
      log.mockRestore();
      progress.mockRestore();
    }
    return output.join('\n');
  }
  const urls = () => ['--from-url', sourceDb.url, '--to-url', targetDb.url];

  beforeAll(async () => {
    [sourceDb, targetDb] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    sourcePool = createPool(sourceDb.url, { max: 4 });
    targetPool = createPool(targetDb.url, { max: 4 });
    source = new PostgresEventStore(sourcePool);
    target = new PostgresEventStore(targetPool);

    // Three streams written in interleaved appends of one to three events, and another tenant.
    await source.append(
      'mr2',
      'group-pgr',
      [
        event('mr2', 'groups.GroupConvened.v1', { name: 'PGR chojnicki' }),
        event('mr2', 'groups.MemberJoined.v1', { institution: 'PCPR Ostróda' }),
        event('mr2', 'groups.MemberJoined.v1', { institution: 'OPS Żukowo' }),
      ],
      'no_stream',
    );
    await source.append('mr1', 'group-pgr', [event('mr1', 'groups.GroupConvened.v1', { name: 'PGD' })], 'no_stream');
    for (let i = 0; i < 8; i++) {
      const stream = ['group-pgr', 'decision-1', 'case-7'][i % 3];
      const batch = Array.from({ length: 1 + (i % 3) }, (_, k) => event('mr2', `t.Step${k}.v1`, { i, k, ż: 'ąęł' }));
      await source.append('mr2', stream, batch, 'any');
    }
  });

  afterAll(async () => {
    await Promise.all([sourcePool?.end(), targetPool?.end()]);
    await Promise.all([sourceDb?.drop(), targetDb?.drop()]);
  });

  it('stops where it is told, resumes after an interruption, and ends with an exact copy', async () => {
    const original = await readTenant(source, 'mr2');
    expect(original).toHaveLength(3 + 15);

    // Interrupted inside the first three-event append.
    expect(await copy('--tenant', 'mr2', ...urls(), '--max-events', '2')).toContain('stopped at --max-events');
    expect((await readTenant(target, 'mr2')).map((e) => e.id)).toEqual(original.slice(0, 2).map((e) => e.id));

    // From the start again, in pages of 4: the split append is completed event by event.
    const recheck = await copy('--tenant', 'mr2', ...urls(), '--from-start', '--batch-size', '4', '--max-events', '5');
    expect(recheck).toContain('started from the beginning');
    expect(recheck).toContain('7 events read, 5 copied, 2 already in the target');

    // Resumed after the last copied event, to the end.
    const resumed = await copy('--tenant', 'mr2', ...urls(), '--batch-size', '4');
    expect(resumed).toContain(
      `resumed after source position ${original[6].position.commit}/${original[6].position.prepare}`,
    );
    expect(resumed).toContain('11 events read, 11 copied, 0 already in the target');
    expect(resumed).toContain('complete');

    const copied = await readTenant(target, 'mr2');
    expect(copied.map((e) => e.id)).toEqual(original.map((e) => e.id));
    copied.forEach((e, i) => {
      const o = original[i];
      expect([e.streamId, e.revision, e.type, e.data]).toEqual([o.streamId, o.revision, o.type, o.data]);
      expect(e.metadata).toEqual({ ...o.metadata, originalRecordedAt: o.recordedAt.toISOString() });
    });
    expect(await readTenant(target, 'mr1')).toEqual([]);

    // Running it again writes nothing.
    const again = await copy('--tenant', 'mr2', ...urls(), '--from-start');
    expect(again).toContain('18 events read, 0 copied, 18 already in the target');
    expect(await readTenant(target, 'mr2')).toHaveLength(18);
  });

  it('refuses to merge into a target stream that holds other events', async () => {
    await target.append('mr1', 'group-pgr', [event('mr1', 'groups.GroupConvened.v1', { name: 'other' })], 'no_stream');
    await expect(copy('--tenant', 'mr1', ...urls())).rejects.toThrow(
      /stream "group-pgr" of tenant mr1 holds other events in the target \(expected revision no_stream, found 0/,
    );
  });

  it('refuses a copy onto the same store and names the bad flag', async () => {
    await expect(copy('--tenant', 'mr2', '--from-url', sourceDb.url, '--to-url', sourceDb.url)).rejects.toThrow(
      '--from and --to are the same store',
    );
    await expect(copy('--tenant', 'mr2', ...urls(), '--batch-size', '0')).rejects.toThrow(
      '--batch-size must be a positive integer, got "0"',
    );
  });
});
