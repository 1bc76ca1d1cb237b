import { rmSync } from 'node:fs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { Pool } from 'pg';
import {
  DatabaseModule,
  HttpPlatformModule,
  PostgresEventStore,
  ProjectionRunner,
  ReadModelsModule,
  appRoleName,
  configureHttpApp,
  createPool,
  loadOrCreateDevKeys,
  signDevToken,
  type DevKeys,
  type PlatformConfig,
  type Role,
} from '@kooperacja/platform';
import { createTestDatabase, type TestDatabase, testAppConfig } from '@kooperacja/platform/testing';
import { ProgrammePeriodLookup } from '@kooperacja/programme';
import { PilotModule, pilotProjections, pilotReadModelEntities } from '../pilot.module';

/**
 * The pilot context over HTTP as the API serves it — the platform's HTTP layer (real signed dev
 * tokens, guards, validation, idempotency, error mapping), the read-model data source on the
 * application role — with the pilot projections running, on a fresh database. Mirrors
 * apps/api/src/testing/e2e-app.ts, which a library may not import.
 */
export interface PilotE2eApp {
  readonly app: NestExpressApplication;
  readonly config: PlatformConfig;
  readonly owner: Pool;
  readonly openApi: OpenAPIObject;
  token(role: Role, tenant?: string, extra?: { sub?: string; voivodeships?: string[] }): string;
  eventCount(): Promise<number>;
  close(): Promise<void>;
}

export async function startPilotE2eApp(): Promise<PilotE2eApp> {
  const db: TestDatabase = await createTestDatabase();
  const { config, dir } = testAppConfig(db, 'kooperacja-pilot-e2e-');
  const owner = createPool(db.url, { max: 4 });
  const projector = new ProjectionRunner(owner, new PostgresEventStore(owner), pilotProjections, {
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
      ReadModelsModule.forRoot({ url: config.databaseAppUrl, entities: pilotReadModelEntities }),
      // As the composition root wires it: dates checked against the programme's project period.
      PilotModule.forRoot({ projectPeriods: (store) => new ProgrammePeriodLookup(store) }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: ['error'] });
  configureHttpApp(app, config.http);
  const openApi = SwaggerModule.createDocument(app, new DocumentBuilder().setTitle('pilot').addBearerAuth().build());
  await app.init();
  const keys: DevKeys = loadOrCreateDevKeys(config.auth.devKeysDir);
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
