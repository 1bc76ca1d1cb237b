import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { appRoleName, deriveAppDatabaseUrl } from '../config/config';
import { setAppRolePassword } from './app-role';
import { migrate, type MigrationClass } from './migrate';
import { platformMigrations } from './migrations';

export interface TestDatabase {
  readonly url: string;
  /** The same database as the application role (row-level security applies). */
  readonly appUrl: string;
  readonly name: string;
  drop(): Promise<void>;
}

/** Base URL of the server tests use: TEST_DATABASE_URL, or the local server's `postgres` database. */
export function testServerUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/**
 * Creates a fresh, migrated database for one test file; `drop()` removes it. Each file
 * gets its own database so suites can run in parallel and leave nothing behind.
 */
export async function createTestDatabase(
  migrations: readonly MigrationClass[] = platformMigrations,
): Promise<TestDatabase> {
  const name = `kooperacja_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: testServerUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  await migrate(url.toString(), migrations);
  return {
    url: url.toString(),
    appUrl: await appUrlFor(url.toString()),
    name,
    async drop() {
      const c = new Client({ connectionString: testServerUrl() });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/**
 * Under trust auth the application role needs no password. A server with password auth (the
 * embedded one the test script starts) gets the owner's password on the role, for tests only.
 */
async function appUrlFor(ownerUrl: string): Promise<string> {
  const password = decodeURIComponent(new URL(ownerUrl).password);
  const url = deriveAppDatabaseUrl(ownerUrl, appRoleName(), password || undefined);
  if (!password || (await canConnect(url))) return url;
  for (let attempt = 1; ; attempt++) {
    try {
      await setAppRolePassword(testServerUrl(), appRoleName(), password);
      return url;
    } catch (error) {
      // Parallel test files may alter the cluster-wide role at once.
      if (attempt >= 5 || !/concurrently updated/.test(String(error))) throw error;
    }
  }
}

async function canConnect(url: string): Promise<boolean> {
  const c = new Client({ connectionString: url });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}
