// `npm run bench [-- --quick] [--only 1,4] [--runs 3] [--profile]`: see bench/README.md.
import { execFileSync, fork } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDatabase, describeMachine, nonDefaultSettings, serverUrl, type BenchDatabase } from './database';
import { FIXTURES, type FixtureName } from './fixtures';
import { fmt, markdownTable, measuredRow, writeResults, type ResultRow, type Runs } from './report';
import { scenarios, type Job, type Measurement, type Scenario } from './scenarios';
import type { WorkerJob, WorkerReply } from './worker';

const root = resolve(__dirname, '..', '..'); // compiled to dist/bench/
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    runs: { type: 'string', default: '3' },
    /** Per run; a run that takes longer is stopped and reported as failed. */
    'max-minutes': { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
});
const runs = positive('--runs', args.runs);
const maxRunMinutes = positive('--max-minutes', args['max-minutes'] ?? (args.quick ? '2' : '20'));
const only = args.only?.split(',').map((id) => id.trim());
const unknown = only?.filter((id) => !scenarios.some((s) => s.id === id));
if (unknown?.length) throw new Error(`--only: no scenario ${unknown.join(', ')}`);

let current: BenchDatabase | undefined;
const fixtures = new Map<FixtureName, BenchDatabase>();
let stopBroker: (() => void) | undefined;
process.once('SIGINT', () => {
  stopBroker?.();
  void Promise.all([current, ...fixtures.values()].map((db) => db?.drop()))
    .catch(() => undefined)
    .finally(() => process.exit(130));
});

async function main(): Promise<void> {
  const machine = await describeMachine();
  console.error(
    `bench ${args.quick ? 'quick' : 'full'} · ${runs} runs · ${serverUrl().replace(/\/\/[^@]*@/, '//')} · ` +
      `PostgreSQL ${machine.postgres}, synchronous_commit=${machine.synchronousCommit} · ` +
      `${machine.cores} × ${machine.cpu}, load ${machine.loadAverage.join(' ')}`,
  );
  const unusual = nonDefaultSettings(machine);
  if (unusual.length) console.error(`warning: the server is not at its defaults (${unusual.join(', ')})`);
  const rows: ResultRow[] = [];
  try {
    for (const scenario of scenarios.filter((s) => !only || only.includes(s.id))) {
      rows.push(measuredRow(scenario, await runScenario(scenario)));
    }
  } finally {
    stopBroker?.();
    for (const db of fixtures.values()) await db.drop();
  }
  console.log(markdownTable(rows));
  const out = join(root, 'bench', 'results', 'latest.json');
  writeResults(out, { date: new Date().toISOString(), mode: args.quick ? 'quick' : 'full', machine, scenarios: rows });
  console.error(`written ${out}`);
  if (rows.some((r) => r.failures.length)) process.exitCode = 1;
}

/** Runs every contender `runs` times, rotating who goes first so no one always follows the same. */
async function runScenario(scenario: Scenario): Promise<Runs> {
  const result: Runs = { figures: { ours: [], peer: [], limit: [] }, details: [], failures: [] };
  let template: string | undefined;
  let kafkaBrokers: string | undefined;
  try {
    template = scenario.fixture && (await fixture(scenario.fixture));
    kafkaBrokers = scenario.kafka ? broker() : undefined;
  } catch (error) {
    result.failures.push(`ours, setup: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    console.error(`  ${scenario.id} · setup failed: ${String(error)}`);
    return result;
  }
  for (let run = 0; run < runs; run++) {
    const order = scenario.contenders.map((_, i) => scenario.contenders[(i + run) % scenario.contenders.length]);
    for (const contender of order) {
      const started = Date.now();
      const label = `  ${scenario.id} · run ${run + 1}/${runs} · ${contender.padEnd(5)}`;
      current = await createDatabase(template);
      try {
        const job: Job = { scenarioId: scenario.id, contender, url: current.url, quick: args.quick, kafkaBrokers };
        const { value, details } = await inWorker({ kind: 'scenario', job }, scenario.execArgv);
        result.figures[contender].push(value);
        if (contender === 'ours' && details) result.details.push({ ...details });
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        console.error(`${label} ${fmt(value, scenario.unit)} ${scenario.unit} (${seconds} s)`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        result.failures.push(`${contender}, run ${run + 1}: ${message.split('\n')[0]}`);
        console.error(`${label} failed: ${message}`);
      } finally {
        await current.drop();
        current = undefined;
      }
    }
  }
  return result;
}

/** The fixture's template database, built by a worker the first time a scenario asks for it. */
async function fixture(name: FixtureName): Promise<string> {
  let db = fixtures.get(name);
  if (!db) {
    const started = Date.now();
    console.error(`  fixture ${name}: ${FIXTURES[name].description}${args.quick ? ' (quick size)' : ''} …`);
    db = await createDatabase();
    fixtures.set(name, db);
    const { value: events } = await inWorker({ kind: 'fixture', name, url: db.url, quick: args.quick });
    console.error(
      `  fixture ${name}: ${events.toLocaleString('en-US')} events (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  return db.name;
}

/** KAFKA_BROKERS, or a broker of our own (scripts/kafka/broker.sh on BENCH_KAFKA_PORT, default 19592). */
function broker(): string {
  if (process.env.KAFKA_BROKERS) return process.env.KAFKA_BROKERS;
  if (!stopBroker) {
    const script = join(root, 'scripts', 'kafka', 'broker.sh');
    const env = { ...process.env, KAFKA_PORT: process.env.BENCH_KAFKA_PORT ?? '19592' };
    execFileSync('bash', [script, 'start'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
    stopBroker = () => {
      stopBroker = undefined;
      execFileSync('bash', [script, 'stop'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
    };
  }
  return `127.0.0.1:${process.env.BENCH_KAFKA_PORT ?? '19592'}`;
}

function inWorker(job: WorkerJob, flags: readonly string[] = []): Promise<Measurement> {
  const execArgv = [
    ...flags,
    ...(args.profile ? ['--cpu-prof', `--cpu-prof-dir=${join(root, 'bench', 'results', 'profiles')}`] : []),
  ];
  return new Promise((resolvePromise, reject) => {
    const child = fork(join(__dirname, 'worker.js'), [JSON.stringify(job)], { execArgv });
    const maxMinutes = job.kind === 'fixture' ? 60 : maxRunMinutes;
    const timer = setTimeout(() => child.kill(), maxMinutes * 60_000);
    let reply: WorkerReply | undefined;
    child.on('message', (message: WorkerReply) => (reply = message));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (reply && 'value' in reply) resolvePromise(reply);
      else if (reply) reject(new Error(reply.error));
      else reject(new Error(signal ? `stopped after ${maxMinutes} min` : `worker exited with ${code}`));
    });
  });
}

function positive(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${value}`);
  return n;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
