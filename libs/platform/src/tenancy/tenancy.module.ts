import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Pool } from 'pg';
import { EVENT_STORE, PG_POOL } from '../database/database.module';
import type { EventStore } from '../event-store/event-store.port';
import { PlatformTenantsController } from './platform-tenants.controller';
import { TenantInfoController } from './tenant-info.controller';
import { TenantDataEraser } from './tenant-data-eraser';
import { PostgresTenantDirectory } from './tenant-directory.postgres';
import { TenantLifecycle } from './tenant-lifecycle';
import { TENANCY_OPTIONS, TENANT_DIRECTORY, type TenancyOptions } from './tokens';

/** The tenant directory for every context, and the operator's onboarding/offboarding. */
@Global()
@Module({})
export class TenancyModule {
  static forRoot(options: TenancyOptions): DynamicModule {
    return {
      module: TenancyModule,
      controllers: [PlatformTenantsController, TenantInfoController],
      providers: [
        { provide: TENANCY_OPTIONS, useValue: options },
        {
          provide: PostgresTenantDirectory,
          inject: [PG_POOL],
          useFactory: (pool: Pool) => new PostgresTenantDirectory(pool),
        },
        { provide: TENANT_DIRECTORY, useExisting: PostgresTenantDirectory },
        { provide: TenantDataEraser, inject: [PG_POOL], useFactory: (pool: Pool) => new TenantDataEraser(pool) },
        {
          provide: TenantLifecycle,
          inject: [PG_POOL, EVENT_STORE, PostgresTenantDirectory, TenantDataEraser],
          useFactory: (pool: Pool, store: EventStore, directory: PostgresTenantDirectory, eraser: TenantDataEraser) =>
            new TenantLifecycle(pool, store, directory, eraser),
        },
      ],
      exports: [TENANT_DIRECTORY, PostgresTenantDirectory, TenantLifecycle, TenantDataEraser, TENANCY_OPTIONS],
    };
  }
}
