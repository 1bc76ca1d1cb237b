export * from './event-store.port';
export * from './errors';
export * from './position';
export * from './subscription';
export { assertStreamId, assertTenantId, assertTenantScope } from './validation';
export { PostgresEventStore, isConnectionError } from './postgres/postgres-event-store';
export { EventStoreDbEventStore, type EventStoreDbOptions } from './eventstoredb/eventstoredb-event-store';
export { eventStoreKind, selectEventStore, type EventStoreKind, type SelectedEventStore } from './select-event-store';
