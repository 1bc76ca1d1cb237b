export * from './event-store.port';
export * from './errors';
export * from './position';
export * from './subscription';
export { assertStreamId, assertTenantId, assertTenantScope } from './validation';
export { PostgresEventStore, isConnectionError } from './postgres/postgres-event-store';
