export * from './config';
export * from './database';
export * from './domain';
export * from './event-store';
export * from './health';
export * from './projections';
