export * from './vocabulary';
export * from './streams';
export * from './case-summary';
export * from './site-summary';
