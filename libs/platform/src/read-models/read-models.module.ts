import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager, type EntitySchema } from 'typeorm';
import { assertTenantId } from '../event-store/validation';
import { TENANT_SETTING } from '../tenancy/row-level-security';

/** TypeORM data source on the application role (subject to row-level security). */
export const READ_MODELS = Symbol('READ_MODELS');

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityClass = Function | EntitySchema;

class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(READ_MODELS) private readonly dataSource: DataSource) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * Read models are queried through TypeORM entities mapped onto the reader views (`rm_*`),
 * which projections keep up to date. Entities are never synchronised: projections own the DDL.
 */
@Global()
@Module({})
export class ReadModelsModule {
  static forRoot(options: { url: string; entities: readonly EntityClass[]; poolSize?: number }): DynamicModule {
    return {
      module: ReadModelsModule,
      providers: [
        {
          provide: READ_MODELS,
          useFactory: async () =>
            new DataSource({
              type: 'postgres',
              url: options.url,
              entities: [...options.entities],
              synchronize: false,
              migrationsRun: false,
              logging: false,
              extra: { max: options.poolSize ?? 10, application_name: 'kooperacja-read-models' },
            }).initialize(),
        },
        DataSourceCloser,
      ],
      exports: [READ_MODELS],
    };
  }
}

/**
 * Runs read-only `work` with the tenant set for this transaction only, so row-level security
 * shows the tenant's rows and nothing else.
 */
export async function inTenant<T>(dataSource: DataSource, tenantId: string, work: (em: EntityManager) => Promise<T>) {
  assertTenantId(tenantId);
  return dataSource.transaction('READ COMMITTED', async (em) => {
    await em.query('SET TRANSACTION READ ONLY');
    await em.query('SELECT set_config($1, $2, true)', [TENANT_SETTING, tenantId]);
    return work(em);
  });
}

/** Cross-tenant, aggregate-only reads (analysts): no tenant set, so only aggregate tables answer. */
export async function inAggregateScope<T>(dataSource: DataSource, work: (em: EntityManager) => Promise<T>) {
  return dataSource.transaction('READ COMMITTED', async (em) => {
    await em.query('SET TRANSACTION READ ONLY');
    return work(em);
  });
}
