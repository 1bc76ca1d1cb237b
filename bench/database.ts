import { randomBytes } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { Client } from 'pg';

/** The server the benchmark creates its databases on. */
export function serverUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export interface BenchDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

async function withServer<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A database for one run, empty or a copy of `template`, created after a CHECKPOINT so that no
 * run pays for the dirty pages of the one before it.
 */
export async function createDatabase(template?: string): Promise<BenchDatabase> {
  const name = `bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withServer(async (c) => {
    await c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
    await c.query('CHECKPOINT').catch(() => undefined); // needs pg_checkpoint; best effort
  });
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => withServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** Server settings that move the figures; the benchmark expects PostgreSQL's defaults. */
const SETTINGS = ['synchronous_commit', 'fsync', 'full_page_writes', 'autovacuum', 'shared_buffers', 'max_wal_size'];
const DEFAULTS: Readonly<Record<string, string>> = {
  synchronous_commit: 'on',
  fsync: 'on',
  full_page_writes: 'on',
  autovacuum: 'on',
};

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly loadAverage: readonly number[];
  readonly postgres: string;
  readonly synchronousCommit: string;
  readonly postgresSettings: Readonly<Record<string, string>>;
  readonly node: string;
}

export async function describeMachine(): Promise<Machine> {
  const { version, settings } = await withServer(async (c) => ({
    version: (await c.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0].v,
    settings: (
      await c.query<{ name: string; setting: string }>(
        `SELECT name, current_setting(name) AS setting FROM pg_settings WHERE name = ANY($1) ORDER BY name`,
        [SETTINGS],
      )
    ).rows,
  }));
  const postgresSettings = Object.fromEntries(settings.map((s) => [s.name, s.setting]));
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    postgres: version,
    synchronousCommit: postgresSettings.synchronous_commit,
    postgresSettings,
    node: process.version,
  };
}

/** Settings that differ from PostgreSQL's defaults, e.g. ["autovacuum=off"]. */
export function nonDefaultSettings(machine: Machine): string[] {
  return Object.entries(DEFAULTS)
    .filter(([name, value]) => machine.postgresSettings[name] !== value)
    .map(([name]) => `${name}=${machine.postgresSettings[name]}`);
}
