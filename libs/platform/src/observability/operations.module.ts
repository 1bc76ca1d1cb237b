import { Inject, Injectable, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import type { Pool } from 'pg';
import { appRoleName } from '../config/config';
import { PG_POOL } from '../database/database.module';
import { ProjectionSchema } from '../projections/projection-schema';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { Projection } from '../projections/projection';
import { HttpMetricsInterceptor } from './http-metrics.interceptor';
import { PlatformMetrics } from './metrics';
import { OBSERVED_PROJECTIONS, OperationsController } from './operations.controller';

/**
 * Makes sure every projection has an active version of its tables and reader views before the
 * API serves reads, so a read model queried before the projector's first run answers empty
 * instead of failing.
 */
@Injectable()
export class ProjectionTablesBootstrap implements OnModuleInit {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(OBSERVED_PROJECTIONS) private readonly projections: readonly Projection[],
  ) {}

  async onModuleInit(): Promise<void> {
    const schema = new ProjectionSchema(this.pool, appRoleName());
    for (const p of this.projections) if (p.tables.length > 0) await schema.ensureActive(p);
  }
}

/** `/metrics` and `/api/v1/status` for the given projections (the Kafka relay included). */
@Module({})
export class OperationsModule {
  static forRoot(projections: readonly Projection[]): DynamicModule {
    return {
      module: OperationsModule,
      global: true,
      controllers: [OperationsController],
      providers: [
        PlatformMetrics,
        ProjectionTablesBootstrap,
        { provide: OBSERVED_PROJECTIONS, useValue: projections },
        { provide: APP_INTERCEPTOR, useClass: HttpMetricsInterceptor },
      ],
      exports: [PlatformMetrics],
    };
  }
}
