import {
  Inject,
  Injectable,
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { appRoleName } from '../config/config';
import { PG_POOL } from '../database/database.module';
import { AppendSignal } from '../event-store/subscription';
import type { Projection } from '../projections/projection';
import { ProjectionSchema } from '../projections/projection-schema';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { PlatformMetrics } from './metrics';
import { OperationsController } from './operations.controller';
import { OBSERVED_PROJECTIONS, RELAY_PROJECTION } from './observed-projections';

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

/** Counts this process's appends (the command runner notifies the append signal after each). */
@Injectable()
export class AppendCounter implements OnModuleInit, OnModuleDestroy {
  private unlisten?: () => void;
  constructor(
    private readonly signal: AppendSignal,
    private readonly metrics: PlatformMetrics,
  ) {}
  onModuleInit(): void {
    this.unlisten = this.signal.listen(() => this.metrics.appends.inc());
  }
  onModuleDestroy(): void {
    this.unlisten?.();
  }
}

export interface OperationsOptions {
  /** Stored event types the Kafka relay publishes, when it runs: its lag and backlog are reported too. */
  readonly relayedTypes?: readonly string[];
}

/** The relay's checkpoints, observed (never run) from the API for lag and backlog. */
function observedRelay(handles: readonly string[]): Projection {
  return { name: RELAY_PROJECTION, handles, tables: [], sideEffects: true, ddl: () => [], apply: async () => {} };
}

/** `/metrics` and `/api/v1/status` for the given projections (and the Kafka relay when configured). */
@Module({})
export class OperationsModule implements NestModule {
  static forRoot(projections: readonly Projection[], options: OperationsOptions = {}): DynamicModule {
    const observed = options.relayedTypes?.length ? [...projections, observedRelay(options.relayedTypes)] : projections;
    return {
      module: OperationsModule,
      global: true,
      controllers: [OperationsController],
      providers: [
        PlatformMetrics,
        ProjectionTablesBootstrap,
        AppendCounter,
        HttpMetricsMiddleware,
        { provide: OBSERVED_PROJECTIONS, useValue: observed },
      ],
      exports: [PlatformMetrics, OBSERVED_PROJECTIONS],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes({ path: '*', method: RequestMethod.ALL });
  }
}
