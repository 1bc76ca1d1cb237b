import { rmSync } from 'node:fs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import type { Pool } from 'pg';
import type { ContextDescriptor } from '@kooperacja/composition';
import {
  appRoleName,
  configureHttpApp,
  createPool,
  DatabaseModule,
  HealthModule,
  HttpPlatformModule,
  loadOrCreateDevKeys,
  PostgresEventStore,
  ProjectionRunner,
  ReadModelsModule,
  signDevToken,
  type PlatformConfig,
  type Role,
} from '@kooperacja/platform';
import { createTestDatabase, type TestDatabase, testAppConfig } from '@kooperacja/platform/testing';

export interface ApiE2eApp {
  readonly app: NestExpressApplication;
  readonly config: PlatformConfig;
  readonly db: TestDatabase;
  /** Owner connection, for assertions on the store. */
  readonly owner: Pool;
  readonly openApi: OpenAPIObject;
  token(role: Role, tenant?: string, extra?: { sub?: string; voivodeships?: string[] }): string;
  eventCount(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The API as apps/api composes it (platform HTTP layer with real signed dev tokens, guards,
 * validation, idempotency and error mapping; read models on the application role) with the
 * given contexts' modules, and their projections running as the projector runs them, on a
 * fresh database. Mirrors apps/api/src/testing/e2e-app.ts, which a library may not import.
 */
export async function startApiE2eApp(contexts: readonly ContextDescriptor[]): Promise<ApiE2eApp> {
  const db = await createTestDatabase();
  const { config, dir } = testAppConfig(db, 'kooperacja-decisions-e2e-');
  const owner = createPool(db.url, { max: 4 });
  const projector = new ProjectionRunner(
    owner,
    new PostgresEventStore(owner),
    contexts.flatMap((c) => c.projections),
    {
      databaseUrl: db.url,
      readerRole: appRoleName(),
      pollIntervalMs: 10,
      maxPollIntervalMs: 50,
      refreshIntervalMs: 100,
    },
  );
  await projector.start();
  const moduleRef = await Test.createTestingModule({
    imports: [
      DatabaseModule.forRoot({ databaseUrl: config.databaseUrl, appDatabaseUrl: config.databaseAppUrl }),
      ReadModelsModule.forRoot({ url: config.databaseAppUrl, entities: contexts.flatMap((c) => c.entities) }),
      HttpPlatformModule.forRoot(config),
      HealthModule,
      ...contexts.flatMap((c) => c.modules),
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
    db,
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

type Schema = { properties?: Record<string, unknown>; description?: string; $ref?: string };

/**
 * Every property of the schemas the operations under `pathPrefix` use (bodies, parameters,
 * responses, followed through `$ref`s), as `Schema.property` with its description.
 */
export function describedProperties(openApi: OpenAPIObject, pathPrefix: string): Map<string, string | undefined> {
  const schemas = (openApi.components?.schemas ?? {}) as Record<string, Schema>;
  const refsIn = (value: unknown): string[] => {
    if (value === null || typeof value !== 'object') return [];
    const ref = (value as Schema).$ref;
    const own = typeof ref === 'string' ? [ref.replace('#/components/schemas/', '')] : [];
    return [...own, ...Object.values(value).flatMap(refsIn)];
  };
  const queue = Object.entries(openApi.paths)
    .filter(([path]) => path.startsWith(pathPrefix))
    .flatMap(([, operations]) => refsIn(operations));
  const seen = new Set<string>();
  const out = new Map<string, string | undefined>();
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const [property, spec] of Object.entries(schemas[name]?.properties ?? {})) {
      out.set(`${name}.${property}`, (spec as Schema).description);
      queue.push(...refsIn(spec));
    }
  }
  return out;
}
