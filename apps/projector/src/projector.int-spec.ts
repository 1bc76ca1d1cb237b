import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Pool } from 'pg';
import { createPool, PostgresEventStore } from '@kooperacja/platform';
import {
  REPO_ROOT,
  recordsIn,
  testBrokers,
  thingsCounted,
  TopicReader,
  uniqueTopicPrefix,
} from '@kooperacja/platform/messaging/testing';
import { createTestDatabase, eventually, type TestDatabase } from '@kooperacja/platform/testing';
import { MacroregionTally } from '../../../examples/kafka-consumer/tally';

const run = promisify(execFile);
const CHILD = join(REPO_ROOT, 'dist/apps/projector/test/relay-child.js');
const TENANTS = ['mr1', 'mr2', 'mr3'];
const STREAMS = 8;
const PER_STREAM = 60;
const TOTAL = TENANTS.length * STREAMS * PER_STREAM;

jest.setTimeout(300_000);

/** The relay as its own process, killed without warning mid-stream and started again. */
describe('projector process killed mid-batch', () => {
  const brokers = testBrokers();
  let db: TestDatabase;
  let pool: Pool;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    await run(process.execPath, [join(REPO_ROOT, 'scripts/build.mjs')], { cwd: REPO_ROOT });
    db = await createTestDatabase();
    pool = createPool(db.url, { max: 4 });
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await pool?.end();
    await db?.drop();
  });

  it('republishes at most duplicates, which the example consumer drops by ce_id: every event once, in order per key', async () => {
    const store = new PostgresEventStore(pool);
    for (const tenant of TENANTS) {
      for (let s = 0; s < STREAMS; s++) {
        await store.append(tenant, `thing-${s}`, thingsCounted(tenant, `thing-${s}`, PER_STREAM), 'no_stream');
      }
    }
    const prefix = uniqueTopicPrefix('kill');
    const topic = `${prefix}.relaytest.v1`;
    const env = {
      ...process.env,
      DATABASE_URL: db.url,
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      PROJECTION_POLL_MS: '20',
      RELAY_TEST_BATCH_SIZE: '10',
    };
    const applied = async () => {
      const { rows } = await pool.query<{ n: string | null }>(
        `SELECT sum(events_applied) AS n FROM projection_checkpoints WHERE projection = 'kafka-relay'`,
      );
      return Number(rows[0].n ?? 0);
    };

    for (const killAt of [TOTAL / 5, TOTAL / 2]) {
      const child = startChild(env);
      await eventually(async () => expect(await applied()).toBeGreaterThanOrEqual(killAt), {
        timeoutMs: 120_000,
        intervalMs: 10,
      }).catch((error: Error) => {
        throw new Error(`${error.message}\nrelay output:\n${output.get(child)}`);
      });
      child.kill('SIGKILL');
      await exited(child);
      expect(await applied()).toBeLessThan(TOTAL); // really stopped mid-stream
    }

    const last = startChild(env);
    await eventually(async () => expect(await applied()).toBe(TOTAL), { timeoutMs: 120_000 });
    last.kill('SIGTERM');
    expect(await exited(last)).toBe(0);
    expect(output.get(last)).toContain('relay-child stopped');

    const reader = await TopicReader.start(brokers, [topic]);
    const tally = new MacroregionTally();
    const seqs = new Map<string, number[]>();
    try {
      await reader.waitFor((r) => new Set(r.map((x) => x.headers.ce_id)).size >= TOTAL);
      for (const record of reader.records) {
        if (tally.accept(record) === 'duplicate') continue;
        const key = `${record.headers.ce_tenantid}/${record.key}`;
        seqs.set(key, [...(seqs.get(key) ?? []), (JSON.parse(record.value) as { seq: number }).seq]);
      }
    } finally {
      await reader.stop();
    }
    expect(tally.total).toBe(TOTAL);
    expect(tally.toJSON()).toEqual(
      Object.fromEntries(TENANTS.map((t) => [t, { 'relaytest.thing-counted.v1': STREAMS * PER_STREAM }])),
    );
    expect(seqs.size).toBe(TENANTS.length * STREAMS);
    for (const s of seqs.values()) expect(s).toEqual(Array.from({ length: PER_STREAM }, (_, i) => i));
    expect(reader.records.length).toBe(TOTAL + tally.duplicates);

    // The example consumer, as a downstream team would run it, counts the same.
    const { stdout } = await run(
      process.execPath,
      [
        resolve(REPO_ROOT, 'examples/kafka-consumer/consumer.js'),
        '--topics',
        topic,
        '--from-beginning',
        '--exit-when-idle',
        '2000',
      ],
      { env: { ...process.env, KAFKA_BROKERS: brokers.join(',') }, timeout: 90_000 },
    );
    const final = JSON.parse(stdout.trim().split('\n').pop()!) as { total: number; duplicates: number; tally: object };
    expect(final).toMatchObject({ total: TOTAL, tally: tally.toJSON() });
    expect(final.duplicates).toBeGreaterThanOrEqual((await recordsIn(brokers, topic)) - TOTAL);
    expect(stdout).toMatch(/mr1 +480 events {2}relaytest\.thing-counted\.v1=480/);
  });

  const output = new Map<ChildProcess, string>();

  function startChild(env: NodeJS.ProcessEnv): ChildProcess {
    const child = spawn(process.execPath, [CHILD], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    output.set(child, '');
    const collect = (chunk: Buffer) => output.set(child, output.get(child) + chunk.toString());
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    return child;
  }

  function exited(child: ChildProcess): Promise<number | null> {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
    return new Promise((r) => child.once('exit', (code) => r(code)));
  }
});
