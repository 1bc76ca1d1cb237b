import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { CommandRunner } from '../domain/command-runner';
import type { EventStore } from '../event-store/event-store.port';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { AppendSignal } from '../event-store/subscription';
import { createPool } from './pool';

export const PG_POOL = Symbol('PG_POOL');
export const EVENT_STORE = Symbol('EVENT_STORE');

export interface DatabaseModuleOptions {
  readonly databaseUrl: string;
  readonly poolSize?: number;
  readonly applicationName?: string;
}

class PoolCloser implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}
  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

/** The pool, the event store and the command runner, shared by every context. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: PG_POOL,
          useFactory: () =>
            createPool(options.databaseUrl, { max: options.poolSize, applicationName: options.applicationName }),
        },
        { provide: AppendSignal, useValue: new AppendSignal() },
        { provide: EVENT_STORE, inject: [PG_POOL], useFactory: (pool: Pool) => new PostgresEventStore(pool) },
        {
          provide: CommandRunner,
          inject: [EVENT_STORE, AppendSignal],
          useFactory: (store: EventStore, signal: AppendSignal) =>
            new CommandRunner(store, { onAppended: () => signal.notify() }),
        },
        PoolCloser,
      ],
      exports: [PG_POOL, EVENT_STORE, AppendSignal, CommandRunner],
    };
  }
}
