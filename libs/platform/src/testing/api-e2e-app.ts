import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import type { Pool } from 'pg';
import {
  appRoleName,
  configureHttpApp,
  createPool,
  DatabaseModule,
  HealthModule,
  HttpPlatformModule,
  loadOrCreateDevKeys,
  masterKeyFrom,
  PostgresEventStore,
  ProjectionRunner,
  protectPersonalData,
  ReadModelsModule,
  signDevToken,
  type EventStore,
  type PlatformConfig,
  type Projection,
  type Role,
} from '../index';
import { createTestDatabase, type TestDatabase } from '../database/test-database';
import type { ContextParts } from './context-e2e-app';
import { testAppConfig } from './test-app-config';

export interface ApiE2eApp {
  readonly app: NestExpressApplication;
  readonly config: PlatformConfig;
  readonly db: TestDatabase;
  /** Owner connection, for assertions on the store. */
  readonly owner: Pool;
  readonly openApi: OpenAPIObject;
  /** The event store as the apps use it: personal fields sealed per data subject. */
  readonly store: EventStore;
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
export interface ApiE2eOptions {
  /** Run next to the contexts' projections, e.g. a Kafka relay. */
  readonly extraProjections?: readonly Projection[];
  /** Receives the projector's log lines. */
  readonly log?: (message: string, error?: unknown) => void;
}

export async function startApiE2eApp(
  contexts: readonly ContextParts[],
  options: ApiE2eOptions = {},
): Promise<ApiE2eApp> {
  const db = await createTestDatabase();
  const { config, dir } = testAppConfig(db, 'kooperacja-api-e2e-');
  const owner = createPool(db.url, { max: 4 });
  const privacyMasterKey = masterKeyFrom(randomBytes(32).toString('base64'));
  const store = protectPersonalData(new PostgresEventStore(owner), owner, privacyMasterKey);
  const projector = new ProjectionRunner(
    owner,
    store,
    [...contexts.flatMap((c) => c.projections), ...(options.extraProjections ?? [])],
    {
      databaseUrl: db.url,
      readerRole: appRoleName(),
      pollIntervalMs: 10,
      maxPollIntervalMs: 50,
      refreshIntervalMs: 100,
      ...(options.log ? { log: options.log } : {}),
    },
  );
  await projector.start();
  const moduleRef = await Test.createTestingModule({
    imports: [
      DatabaseModule.forRoot({
        databaseUrl: config.databaseUrl,
        appDatabaseUrl: config.databaseAppUrl,
        privacyMasterKey,
      }),
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
    store,
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
