export * from './eventually';
export { createTestDatabase, testServerUrl, type TestDatabase } from '../database/test-database';
export { eventStoreContract, type ContractFixture } from '../event-store/contract/event-store.contract';
export * from './decider-spec';
export * from './route-walk';
export * from './test-app-config';
