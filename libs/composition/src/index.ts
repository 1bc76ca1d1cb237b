export * from './migrations';
export * from './projections';
export * from './integration-events';
export * from './entities';
export * from './context-descriptor';
export * from './contexts';
