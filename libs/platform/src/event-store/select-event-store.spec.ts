import { Pool } from 'pg';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { eventStoreKind, selectEventStore } from './select-event-store';

describe('selecting the event store from EVENT_STORE', () => {
  // pg connects lazily: this pool never opens a connection.
  const pool = new Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none' });
  afterAll(() => pool.end());

  it('uses PostgreSQL when EVENT_STORE is unset or postgres', async () => {
    for (const env of [{}, { EVENT_STORE: 'postgres' }]) {
      const selected = selectEventStore(pool, env);
      expect(selected.kind).toBe('postgres');
      expect(selected.store).toBeInstanceOf(PostgresEventStore);
      await selected.close();
    }
  });

  it('uses EventStoreDB at EVENTSTORE_CONNECTION_STRING when EVENT_STORE=eventstoredb', async () => {
    const selected = selectEventStore(pool, {
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:2113?tls=false',
    });
    expect(selected.kind).toBe('eventstoredb');
    expect(selected.store).toBeInstanceOf(EventStoreDbEventStore);
    await selected.close();
  });

  it('refuses to start with an unknown store or without the EventStoreDB address', () => {
    expect(() => eventStoreKind({ EVENT_STORE: 'kurrent' })).toThrow(
      'EVENT_STORE must be postgres or eventstoredb, got "kurrent"',
    );
    expect(() => selectEventStore(pool, { EVENT_STORE: 'eventstoredb' })).toThrow(/needs EVENTSTORE_CONNECTION_STRING/);
  });
});
