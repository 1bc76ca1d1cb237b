import type { Pool } from 'pg';
import type { EventStore } from './event-store.port';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';

export type EventStoreKind = 'postgres' | 'eventstoredb';

/** The event store a process uses, and how to let go of its connection. */
export interface SelectedEventStore {
  readonly kind: EventStoreKind;
  readonly store: EventStore;
  /** Closes what the selection opened (the EventStoreDB client); the pool stays the caller's. */
  close(): Promise<void>;
}

/** `EVENT_STORE`: `postgres` (default) or `eventstoredb`; anything else is refused at start. */
export function eventStoreKind(env: NodeJS.ProcessEnv = process.env): EventStoreKind {
  const kind = env.EVENT_STORE || 'postgres';
  if (kind !== 'postgres' && kind !== 'eventstoredb') {
    throw new Error(`EVENT_STORE must be postgres or eventstoredb, got "${kind}"`);
  }
  return kind;
}

/**
 * The event store chosen by `EVENT_STORE`. With `eventstoredb`, events live in EventStoreDB at
 * `EVENTSTORE_CONNECTION_STRING`, while checkpoints, read models and tenants stay in `pool`'s
 * PostgreSQL.
 */
export function selectEventStore(pool: Pool, env: NodeJS.ProcessEnv = process.env): SelectedEventStore {
  if (eventStoreKind(env) === 'postgres') {
    return { kind: 'postgres', store: new PostgresEventStore(pool), close: async () => undefined };
  }
  const connectionString = env.EVENTSTORE_CONNECTION_STRING;
  if (!connectionString) {
    throw new Error(
      'EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING (e.g. esdb://kurrentdb:2113?tls=false)',
    );
  }
  const store = EventStoreDbEventStore.connect(connectionString);
  return { kind: 'eventstoredb', store, close: () => store.close() };
}
