export * from './migrations';
export * from './projections';
