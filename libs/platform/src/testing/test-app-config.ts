import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig, type PlatformConfig } from '../config/config';
import type { TestDatabase } from '../database/test-database';

/** The API's settings for a test: the test database, dev keys and exports in `dir`, no rate limit. */
export function testAppEnv(db: Pick<TestDatabase, 'url' | 'appUrl'>, dir: string): Record<string, string> {
  return {
    DATABASE_URL: db.url,
    DATABASE_APP_URL: db.appUrl,
    AUTH_MODE: 'dev',
    DEV_KEYS_DIR: join(dir, 'keys'),
    TENANT_EXPORT_DIR: join(dir, 'exports'),
    RATE_LIMIT_PER_MINUTE: '100000',
  };
}

/** A test app's configuration on `db`, with its files in a fresh temporary folder (`dir`, the caller removes it). */
export function testAppConfig(
  db: Pick<TestDatabase, 'url' | 'appUrl'>,
  prefix = 'kooperacja-e2e-',
): { readonly config: PlatformConfig; readonly dir: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { config: readConfig({ NODE_ENV: 'test', ...testAppEnv(db, dir) }), dir };
}
