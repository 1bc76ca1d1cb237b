import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrate, type MigrationClass } from './migrate';
import { platformMigrations } from './migrations';

export interface TestDatabase {
  readonly url: string;
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
