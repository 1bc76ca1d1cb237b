export * from './domain';
export * from './event-store';
