import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { deriveAppDatabaseUrl } from '../config/config';
import { CommandRunner } from '../domain/command-runner';
import type { EventStore } from '../event-store/event-store.port';
import { selectEventStore, type SelectedEventStore } from '../event-store/select-event-store';
import { AppendSignal } from '../event-store/subscription';
import { loadMasterKey, type MasterKey } from '../privacy/master-key';
import { PersonalDataProtectingStore } from '../privacy/personal-data-store';
import { PostgresSubjectKeyStore, type SubjectKeyStore } from '../privacy/subject-keys';
import { SUBJECT_KEYS } from '../privacy/tokens';
import { createPool } from './pool';

/** Owner connection: event store, migrations, projector writes, tenant directory. */
export const PG_POOL = Symbol('PG_POOL');
/**
 * Application-role connection for tenant read models: subject to row-level security; use it
 * through `withTenantTransaction(pool, tenantId, work)`.
 */
export const PG_APP_POOL = Symbol('PG_APP_POOL');
export const EVENT_STORE = Symbol('EVENT_STORE');
/** The store chosen by `EVENT_STORE` (PostgreSQL or EventStoreDB), closed at shutdown. */
const SELECTED_EVENT_STORE = Symbol('SELECTED_EVENT_STORE');

export interface DatabaseModuleOptions {
  readonly databaseUrl: string;
  /** Defaults to the owner URL with the user swapped for `kooperacja_app`. */
  readonly appDatabaseUrl?: string;
  readonly poolSize?: number;
  readonly applicationName?: string;
  /** Wraps the subject keys of personal data; default: `loadMasterKey()` (PRIVACY_MASTER_KEY or the dev key). */
  readonly privacyMasterKey?: MasterKey;
}

class PoolCloser implements OnApplicationShutdown {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(PG_APP_POOL) private readonly appPool: Pool,
    @Inject(SELECTED_EVENT_STORE) private readonly events: SelectedEventStore,
  ) {}
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.pool.end(), this.appPool.end(), this.events.close()]);
  }
}

/** The pools, the event store and the command runner, shared by every context. */
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
        {
          // pg connects lazily: a process that never reads a read model opens no app connection.
          provide: PG_APP_POOL,
          useFactory: () =>
            createPool(options.appDatabaseUrl ?? deriveAppDatabaseUrl(options.databaseUrl), {
              max: options.poolSize,
              applicationName: options.applicationName,
            }),
        },
        { provide: AppendSignal, useValue: new AppendSignal() },
        {
          provide: SUBJECT_KEYS,
          inject: [PG_POOL],
          useFactory: (pool: Pool) => new PostgresSubjectKeyStore(pool, options.privacyMasterKey ?? loadMasterKey()),
        },
        { provide: SELECTED_EVENT_STORE, inject: [PG_POOL], useFactory: (pool: Pool) => selectEventStore(pool) },
        {
          // Personal fields are sealed per data subject on append and opened on read (crypto-shredding).
          provide: EVENT_STORE,
          inject: [SELECTED_EVENT_STORE, SUBJECT_KEYS],
          useFactory: (selected: SelectedEventStore, keys: SubjectKeyStore) =>
            new PersonalDataProtectingStore(selected.store, keys),
        },
        {
          provide: CommandRunner,
          inject: [EVENT_STORE, AppendSignal],
          useFactory: (store: EventStore, signal: AppendSignal) =>
            new CommandRunner(store, { onAppended: () => signal.notify() }),
        },
        PoolCloser,
      ],
      exports: [PG_POOL, PG_APP_POOL, EVENT_STORE, SUBJECT_KEYS, AppendSignal, CommandRunner],
    };
  }
}
