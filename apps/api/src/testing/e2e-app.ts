import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Pool } from 'pg';
import {
  createPool,
  loadOrCreateDevKeys,
  readConfig,
  signDevToken,
  type DevKeys,
  type PlatformConfig,
  type Role,
} from '@kooperacja/platform';
import { createTestDatabase, type TestDatabase, testAppEnv } from '@kooperacja/platform/testing';
import { allMigrations } from '@kooperacja/composition';
import { createApp } from '../create-app';

/** The whole API on a fresh database, with the dev key of a temporary directory (e2e tests only). */
export interface E2eApp {
  readonly app: NestExpressApplication;
  readonly config: PlatformConfig;
  readonly db: TestDatabase;
  /** Owner connection, for assertions on the store. */
  readonly owner: Pool;
  readonly keys: DevKeys;
  token(role: Role, tenant?: string, extra?: { sub?: string; voivodeships?: string[] }): string;
  eventCount(): Promise<number>;
  close(): Promise<void>;
}

/** The API's settings for a test: the test database, dev keys and exports in `dir`, no rate limit. */
export const e2eEnv = testAppEnv;

export async function startE2eApp(env: Record<string, string> = {}): Promise<E2eApp> {
  const db = await createTestDatabase(allMigrations());
  const dir = mkdtempSync(join(tmpdir(), 'kooperacja-e2e-'));
  const config = readConfig({ NODE_ENV: 'test', ...e2eEnv(db, dir), ...env });
  const app = await createApp(config, { shutdownHooks: false });
  await app.init();
  const keys = loadOrCreateDevKeys(config.auth.devKeysDir);
  const owner = createPool(db.url, { max: 2 });
  return {
    app,
    config,
    db,
    owner,
    keys,
    token: (role, tenant, extra = {}) =>
      signDevToken(keys, {
        sub: extra.sub ?? `${role}${tenant ? `@${tenant}` : ''}`,
        role,
        tenant,
        voivodeships: extra.voivodeships,
        issuer: config.auth.issuer,
        audience: config.auth.audience,
        ttlSeconds: 600,
      }),
    async eventCount() {
      const { rows } = await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM es_events');
      return rows[0].n;
    },
    async close() {
      await app.close();
      await owner.end();
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
