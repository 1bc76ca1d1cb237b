import { rmSync } from 'node:fs';
import type { DynamicModule, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import type { Pool } from 'pg';
import {
  appRoleName,
  configureHttpApp,
  createPool,
  DatabaseModule,
  HttpPlatformModule,
  loadOrCreateDevKeys,
  PostgresEventStore,
  ProjectionRunner,
  ReadModelsModule,
  signDevToken,
  type EntityClass,
  type PlatformConfig,
  type Projection,
  type Role,
} from '../index';
import { createTestDatabase } from '../database/test-database';
import { testAppConfig } from './test-app-config';

/** What a context contributes to the API (the shape of a composition descriptor). */
export interface ContextParts {
  readonly modules: ReadonlyArray<Type<unknown> | DynamicModule>;
  readonly projections: readonly Projection[];
  readonly entities: readonly EntityClass[];
}

export interface ContextE2eApp {
  readonly app: NestExpressApplication;
  readonly config: PlatformConfig;
  /** Owner connection, for assertions on the store. */
  readonly owner: Pool;
  readonly openApi: OpenAPIObject;
  token(role: Role, tenant?: string, extra?: { sub?: string; voivodeships?: string[] }): string;
  eventCount(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The API as apps/api composes it — platform HTTP layer (real signed dev tokens, guards,
 * validation pipe, idempotency, error mapping), read models on the application role — with the
 * given contexts' modules and their projections running, on a fresh database. Mirrors
 * apps/api/src/testing/e2e-app.ts, which a library may not import, until the API composes
 * `allContextModules()` itself.
 */
export async function startContextE2eApp(parts: ContextParts): Promise<ContextE2eApp> {
  const db = await createTestDatabase();
  const { config, dir } = testAppConfig(db, 'kooperacja-context-e2e-');
  const owner = createPool(db.url, { max: 4 });
  const projector = new ProjectionRunner(owner, new PostgresEventStore(owner), parts.projections, {
    databaseUrl: db.url,
    readerRole: appRoleName(),
    pollIntervalMs: 10,
    maxPollIntervalMs: 50,
    refreshIntervalMs: 100,
  });
  await projector.start();
  const moduleRef = await Test.createTestingModule({
    imports: [
      DatabaseModule.forRoot({ databaseUrl: config.databaseUrl, appDatabaseUrl: config.databaseAppUrl }),
      HttpPlatformModule.forRoot(config),
      ReadModelsModule.forRoot({ url: config.databaseAppUrl, entities: parts.entities }),
      ...parts.modules,
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: ['error'] });
  configureHttpApp(app, config.http);
  const openApi = SwaggerModule.createDocument(app, new DocumentBuilder().addBearerAuth().build());
  await app.init();
  const keys = loadOrCreateDevKeys(config.auth.devKeysDir);
  return {
    app,
    config,
    owner,
    openApi,
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
      await projector.stop();
      await owner.end();
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Properties without a description in the schemas the operations under `pathPrefix` use (request
 * bodies, parameters' schemas, responses), followed through `$ref`s; as `Schema.property`.
 */
export function undescribedProperties(openApi: OpenAPIObject, pathPrefix: string): string[] {
  type Schema = { properties?: Record<string, unknown>; description?: string };
  const schemas = (openApi.components?.schemas ?? {}) as Record<string, Schema>;
  const seen = new Set<string>();
  const refsIn = (value: unknown): string[] => {
    if (value === null || typeof value !== 'object') return [];
    const ref = (value as { $ref?: unknown }).$ref;
    const own = typeof ref === 'string' ? [ref.replace('#/components/schemas/', '')] : [];
    return [...own, ...Object.values(value).flatMap(refsIn)];
  };
  const queue = Object.entries(openApi.paths)
    .filter(([path]) => path.startsWith(pathPrefix))
    .flatMap(([, operations]) => refsIn(operations));
  const missing: string[] = [];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const [property, spec] of Object.entries(schemas[name]?.properties ?? {})) {
      if (!(spec as Schema).description) missing.push(`${name}.${property}`);
      queue.push(...refsIn(spec));
    }
  }
  return missing.length > 0 ? missing : seen.size === 0 ? ['(no schema found)'] : [];
}
