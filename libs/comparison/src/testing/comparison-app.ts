import { rmSync } from 'node:fs';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { Pool } from 'pg';
import {
  appRoleName,
  configureHttpApp,
  createPool,
  DatabaseModule,
  HttpPlatformModule,
  loadOrCreateDevKeys,
  PartitionWorker,
  PostgresEventStore,
  ProjectionSchema,
  ReadModelsModule,
  signDevToken,
  type Role,
} from '@kooperacja/platform';
import { createTestDatabase, eventually, type TestDatabase, testAppConfig } from '@kooperacja/platform/testing';
import { ComparisonModule } from '../comparison.module';
import { comparisonEntities } from '../comparison-metrics/comparison-metrics.entity';
import { comparisonMetricsProjection } from '../comparison-metrics/comparison-metrics.projection';

/**
 * The API as apps/api composes it, with the comparison context only (libs may not import apps):
 * platform HTTP (auth, guards, validation, errors), read models on the application role, dev
 * tokens signed with a key of a temporary directory. Tests only.
 */
export interface ComparisonApp {
  readonly app: NestExpressApplication;
  readonly db: TestDatabase;
  readonly owner: Pool;
  readonly store: PostgresEventStore;
  readonly openApi: OpenAPIObject;
  token(role: Role, tenant?: string): string;
  /** Runs the comparison projection (its active version) until it has applied every event of the tenants. */
  project(tenants: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export async function startComparisonApp(): Promise<ComparisonApp> {
  const db = await createTestDatabase();
  const { config, dir } = testAppConfig(db, 'kooperacja-comparison-');

  @Module({
    imports: [
      DatabaseModule.forRoot({ databaseUrl: config.databaseUrl, appDatabaseUrl: config.databaseAppUrl }),
      HttpPlatformModule.forRoot(config),
      ReadModelsModule.forRoot({ url: config.databaseAppUrl, entities: comparisonEntities }),
      ComparisonModule,
    ],
  })
  class ComparisonTestModule {}

  const app = await NestFactory.create<NestExpressApplication>(ComparisonTestModule, {
    bodyParser: false,
    logger: ['error', 'warn'],
  });
  configureHttpApp(app, config.http);
  await app.init();
  const openApi = SwaggerModule.createDocument(app, new DocumentBuilder().addBearerAuth().build());
  const keys = loadOrCreateDevKeys(config.auth.devKeysDir);
  const owner = createPool(db.url, { max: 4 });
  const store = new PostgresEventStore(owner);
  const projection = comparisonMetricsProjection();
  const schema = new ProjectionSchema(owner, appRoleName());
  await schema.ensureActive(projection);

  return {
    app,
    db,
    owner,
    store,
    openApi,
    token: (role, tenant) =>
      signDevToken(keys, {
        sub: `${role}${tenant ? `@${tenant}` : ''}`,
        role,
        tenant,
        issuer: config.auth.issuer,
        audience: config.auth.audience,
        ttlSeconds: 600,
      }),
    async project(tenants) {
      const version = (await schema.activeVersion(projection.name))!;
      for (const tenant of tenants) {
        const worker = new PartitionWorker(owner, store, projection, version, tenant, 500);
        await eventually(
          async () => {
            await worker.catchUp();
            const { rows } = await owner.query<{ behind: number }>(
              `SELECT count(*)::int AS behind FROM es_events e, projection_checkpoints c
                WHERE c.projection = $1 AND c.version = $2 AND c.tenant_id = $3 AND e.tenant_id = $3
                  AND (e.transaction_id, e.global_position) > (c.commit_position, c.prepare_position)
                  AND e.event_type = ANY($4)`,
              [projection.name, version, tenant, projection.handles],
            );
            if (rows[0].behind > 0) throw new Error(`${rows[0].behind} events of ${tenant} not projected yet`);
          },
          { timeoutMs: 30_000 },
        );
      }
    },
    async close() {
      await app.close();
      await owner.end();
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
